; check: POSITION_LEMMAS/position/symbolic
; property: POSITION_LEMMAS
; expected: sat (planted bug max_as_min)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
(declare-fun rate.short_price_threshold () Real)
(declare-fun rate.short_high_per_share () Real)
(declare-fun rate.short_low_per_share () Real)
(declare-fun rate.short_high_rate () Real)
(declare-fun rate.short_low_rate () Real)
(declare-fun rate.leveraged_min_rate () Real)
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
(declare-fun q0 () Real)
(declare-fun mg0 () Bool)
(assert
 (<= 0.0 p0))
(assert
 (<= 1.0 lev0))
(assert
 (>= 10.0 lev0))
(assert
 (<= 0.0 x0))
(assert
 (>= 1.0 x0))
(assert
 (and (< 0.0 rate.initial_long_rate) (>= 1.0 rate.initial_long_rate)))
(assert
 (and (< 0.0 rate.initial_short_rate) (>= 1.0 rate.initial_short_rate)))
(assert
 (and (< 0.0 rate.initial_nonmarginable_rate) (>= 1.0 rate.initial_nonmarginable_rate)))
(assert
 (and (< 0.0 rate.maintenance_long_rate) (<= rate.maintenance_long_rate rate.initial_long_rate)))
(assert
 (<= rate.initial_long_rate rate.initial_nonmarginable_rate))
(assert
 (and (< 0.0 rate.maintenance_nonmarginable_rate) (<= rate.maintenance_nonmarginable_rate rate.initial_nonmarginable_rate)))
(assert
 (and (<= rate.maintenance_long_rate rate.long_low_price_rate) (>= 1.0 rate.long_low_price_rate)))
(assert
 (<= 0.0 rate.long_low_price_threshold))
(assert
 (< 0.0 rate.short_price_threshold))
(assert
 (and (<= 0.0 rate.short_low_per_share) (<= 0.0 rate.short_high_per_share)))
(assert
 (and (< 0.0 rate.short_low_rate) (< 0.0 rate.short_high_rate)))
(assert
 (and (<= 0.0 rate.leveraged_min_rate) (>= 1.0 rate.leveraged_min_rate)))
(assert
 (<= 0.0 rate.minimum_equity))
(assert
 (and (<= 1.0 rate.overnight_multiplier) (>= 1.0 (* rate.overnight_multiplier rate.initial_long_rate))))
(assert
 (<= 1.0 rate.day_trading_multiplier))
(assert
 (<= 0.0 rate.pattern_day_trader_minimum_equity))
(assert
 (and (<= 1.0 rate.intraday_multiplier) (>= 1.0 (* rate.intraday_multiplier rate.maintenance_long_rate))))
(assert
 (let ((?x99 (* q0 p0)))
(let ((?x56 (- 0.0 q0)))
(let ((?x327 (ite (>= 0.0 ?x56) ?x56 0.0)))
(let ((?x328 (* ?x327 p0)))
(let ((?x350 (- 0.0 ?x328)))
(let (($x364 (= (+ (+ 0.0 (* (ite (>= 0.0 q0) q0 0.0) p0)) ?x350) ?x99)))
(let ((?x342 (* x0 ?x328)))
(let ((?x44 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x339 (* ?x44 ?x328)))
(let ((?x334 (* rate.short_high_rate ?x328)))
(let ((?x333 (* rate.short_high_per_share ?x327)))
(let ((?x330 (* rate.short_low_rate ?x328)))
(let ((?x329 (* rate.short_low_per_share ?x327)))
(let (($x68 (< p0 rate.short_price_threshold)))
(let ((?x337 (ite $x68 (ite (<= ?x329 ?x330) ?x329 ?x330) (ite (<= ?x333 ?x334) ?x333 ?x334))))
(let ((?x338 (* ?x337 lev0)))
(let ((?x341 (ite (<= ?x338 ?x339) ?x338 ?x339)))
(let ((?x344 (ite (<= ?x341 ?x342) ?x341 ?x342)))
(let ((?x345 (* rate.initial_short_rate ?x328)))
(let ((?x321 (* (ite (>= 0.0 q0) q0 0.0) p0)))
(let ((?x39 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x40 (* ?x39 lev0)))
(let ((?x42 (ite (>= 1.0 ?x40) ?x40 1.0)))
(let ((?x318 (ite mg0 (ite (<= ?x42 ?x44) ?x42 ?x44) rate.maintenance_nonmarginable_rate)))
(let ((?x322 (* (ite (<= ?x318 x0) ?x318 x0) ?x321)))
(let ((?x52 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x323 (* ?x52 ?x321)))
(let ((?x349 (+ (ite (<= ?x323 ?x322) ?x323 ?x322) (ite (<= ?x345 ?x344) ?x345 ?x344))))
(let (($x92 (not (= 0.0 q0))))
(let (($x359 (or $x92 (and (and true (= 0.0 (+ ?x322 ?x344))) (= 0.0 ?x349)))))
(let (($x366 (and (and true (<= 0.0 (+ ?x322 ?x344))) (<= (+ ?x322 ?x344) ?x349))))
(let (($x370 (and (and (and (and $x366 (<= 0.0 ?x321)) (>= 0.0 ?x350)) $x359) (or (not (<= 0.0 q0)) (= 0.0 ?x350)))))
(let (($x371 (and $x370 $x364)))
(not $x371)))))))))))))))))))))))))))))))))))
(check-sat)

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
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
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
 (or (= 0.0 rate.leveraged_per_share_multiplied) (= 1.0 rate.leveraged_per_share_multiplied)))
(assert
 (let (($x157 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x157)))
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
 (let ((?x112 (* q0 p0)))
(let ((?x58 (- 0.0 q0)))
(let ((?x374 (ite (>= 0.0 ?x58) ?x58 0.0)))
(let ((?x375 (* ?x374 p0)))
(let ((?x397 (- 0.0 ?x375)))
(let (($x411 (= (+ (+ 0.0 (* (ite (>= 0.0 q0) q0 0.0) p0)) ?x397) ?x112)))
(let ((?x389 (* x0 ?x375)))
(let ((?x46 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x386 (* ?x46 ?x375)))
(let ((?x75 (* rate.short_high_rate lev0)))
(let ((?x77 (ite (<= ?x75 rate.leveraged_short_rate_cap) ?x75 rate.leveraged_short_rate_cap)))
(let (($x67 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x78 (ite $x67 ?x77 ?x75)))
(let ((?x382 (* ?x78 ?x375)))
(let ((?x63 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
(let ((?x376 (* ?x374 ?x63)))
(let ((?x381 (* rate.short_high_per_share ?x376)))
(let ((?x66 (* rate.short_low_rate lev0)))
(let ((?x69 (ite (<= ?x66 rate.leveraged_short_rate_cap) ?x66 rate.leveraged_short_rate_cap)))
(let ((?x70 (ite $x67 ?x69 ?x66)))
(let ((?x378 (* ?x70 ?x375)))
(let ((?x377 (* rate.short_low_per_share ?x376)))
(let (($x82 (< p0 rate.short_price_threshold)))
(let ((?x385 (ite $x82 (ite (<= ?x377 ?x378) ?x377 ?x378) (ite (<= ?x381 ?x382) ?x381 ?x382))))
(let ((?x388 (ite (<= ?x385 ?x386) ?x385 ?x386)))
(let ((?x391 (ite (<= ?x388 ?x389) ?x388 ?x389)))
(let ((?x392 (* rate.initial_short_rate ?x375)))
(let ((?x368 (* (ite (>= 0.0 q0) q0 0.0) p0)))
(let ((?x41 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x42 (* ?x41 lev0)))
(let ((?x44 (ite (>= 1.0 ?x42) ?x42 1.0)))
(let ((?x365 (ite mg0 (ite (<= ?x44 ?x46) ?x44 ?x46) rate.maintenance_nonmarginable_rate)))
(let ((?x369 (* (ite (<= ?x365 x0) ?x365 x0) ?x368)))
(let ((?x54 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x370 (* ?x54 ?x368)))
(let ((?x396 (+ (ite (<= ?x370 ?x369) ?x370 ?x369) (ite (<= ?x392 ?x391) ?x392 ?x391))))
(let (($x105 (not (= 0.0 q0))))
(let (($x406 (or $x105 (and (and true (= 0.0 (+ ?x369 ?x391))) (= 0.0 ?x396)))))
(let (($x413 (and (and true (<= 0.0 (+ ?x369 ?x391))) (<= (+ ?x369 ?x391) ?x396))))
(let (($x417 (and (and (and (and $x413 (<= 0.0 ?x368)) (>= 0.0 ?x397)) $x406) (or (not (<= 0.0 q0)) (= 0.0 ?x397)))))
(let (($x418 (and $x417 $x411)))
(not $x418)))))))))))))))))))))))))))))))))))))))))))
(check-sat)

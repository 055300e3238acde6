; check: POSITION_LEMMAS/position/symbolic
; property: POSITION_LEMMAS
; expected: unsat (the property holds)
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
(let ((?x58 (ite (<= 0.0 ?x56) ?x56 0.0)))
(let ((?x59 (* ?x58 p0)))
(let ((?x82 (- 0.0 ?x59)))
(let (($x100 (= (+ (+ 0.0 (* (ite (<= 0.0 q0) q0 0.0) p0)) ?x82) ?x99)))
(let ((?x74 (* x0 ?x59)))
(let ((?x44 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x71 (* ?x44 ?x59)))
(let ((?x65 (* rate.short_high_rate ?x59)))
(let ((?x64 (* rate.short_high_per_share ?x58)))
(let ((?x61 (* rate.short_low_rate ?x59)))
(let ((?x60 (* rate.short_low_per_share ?x58)))
(let ((?x69 (ite (< p0 rate.short_price_threshold) (ite (>= ?x60 ?x61) ?x60 ?x61) (ite (>= ?x64 ?x65) ?x64 ?x65))))
(let ((?x70 (* ?x69 lev0)))
(let ((?x73 (ite (>= ?x70 ?x71) ?x70 ?x71)))
(let ((?x76 (ite (>= ?x73 ?x74) ?x73 ?x74)))
(let ((?x77 (* rate.initial_short_rate ?x59)))
(let ((?x50 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x39 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x40 (* ?x39 lev0)))
(let ((?x42 (ite (>= 1.0 ?x40) ?x40 1.0)))
(let ((?x47 (ite mg0 (ite (>= ?x42 ?x44) ?x42 ?x44) rate.maintenance_nonmarginable_rate)))
(let ((?x51 (* (ite (>= ?x47 x0) ?x47 x0) ?x50)))
(let ((?x52 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x53 (* ?x52 ?x50)))
(let ((?x81 (+ (ite (>= ?x53 ?x51) ?x53 ?x51) (ite (>= ?x77 ?x76) ?x77 ?x76))))
(let (($x93 (or (not (= 0.0 q0)) (and (and true (= 0.0 (+ ?x51 ?x76))) (= 0.0 ?x81)))))
(let (($x102 (and (and true (<= 0.0 (+ ?x51 ?x76))) (<= (+ ?x51 ?x76) ?x81))))
(let (($x106 (and (and (and (and $x102 (<= 0.0 ?x50)) (>= 0.0 ?x82)) $x93) (or (not (<= 0.0 q0)) (= 0.0 ?x82)))))
(let (($x107 (and $x106 $x100)))
(not $x107)))))))))))))))))))))))))))))))))
(check-sat)

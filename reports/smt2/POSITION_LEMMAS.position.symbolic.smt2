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
(let ((?x60 (ite (<= 0.0 ?x58) ?x58 0.0)))
(let ((?x61 (* ?x60 p0)))
(let ((?x95 (- 0.0 ?x61)))
(let (($x113 (= (+ (+ 0.0 (* (ite (<= 0.0 q0) q0 0.0) p0)) ?x95) ?x112)))
(let ((?x87 (* x0 ?x61)))
(let ((?x46 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x84 (* ?x46 ?x61)))
(let ((?x75 (* rate.short_high_rate lev0)))
(let ((?x77 (ite (<= ?x75 rate.leveraged_short_rate_cap) ?x75 rate.leveraged_short_rate_cap)))
(let (($x67 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x79 (* (ite $x67 ?x77 ?x75) ?x61)))
(let ((?x64 (* ?x60 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0))))
(let ((?x74 (* rate.short_high_per_share ?x64)))
(let ((?x66 (* rate.short_low_rate lev0)))
(let ((?x69 (ite (<= ?x66 rate.leveraged_short_rate_cap) ?x66 rate.leveraged_short_rate_cap)))
(let ((?x71 (* (ite $x67 ?x69 ?x66) ?x61)))
(let ((?x65 (* rate.short_low_per_share ?x64)))
(let ((?x83 (ite (< p0 rate.short_price_threshold) (ite (>= ?x65 ?x71) ?x65 ?x71) (ite (>= ?x74 ?x79) ?x74 ?x79))))
(let ((?x86 (ite (>= ?x83 ?x84) ?x83 ?x84)))
(let ((?x89 (ite (>= ?x86 ?x87) ?x86 ?x87)))
(let ((?x90 (* rate.initial_short_rate ?x61)))
(let ((?x52 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x41 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x42 (* ?x41 lev0)))
(let ((?x44 (ite (>= 1.0 ?x42) ?x42 1.0)))
(let ((?x49 (ite mg0 (ite (>= ?x44 ?x46) ?x44 ?x46) rate.maintenance_nonmarginable_rate)))
(let ((?x53 (* (ite (>= ?x49 x0) ?x49 x0) ?x52)))
(let ((?x54 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x55 (* ?x54 ?x52)))
(let ((?x94 (+ (ite (>= ?x55 ?x53) ?x55 ?x53) (ite (>= ?x90 ?x89) ?x90 ?x89))))
(let (($x106 (or (not (= 0.0 q0)) (and (and true (= 0.0 (+ ?x53 ?x89))) (= 0.0 ?x94)))))
(let (($x115 (and (and true (<= 0.0 (+ ?x53 ?x89))) (<= (+ ?x53 ?x89) ?x94))))
(let (($x119 (and (and (and (and $x115 (<= 0.0 ?x52)) (>= 0.0 ?x95)) $x106) (or (not (<= 0.0 q0)) (= 0.0 ?x95)))))
(let (($x120 (and $x119 $x113)))
(not $x120))))))))))))))))))))))))))))))))))))))
(check-sat)

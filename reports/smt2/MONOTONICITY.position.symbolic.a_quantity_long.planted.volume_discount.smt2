; check: MONOTONICITY/position/symbolic/a_quantity_long
; property: MONOTONICITY
; expected: sat (planted bug volume_discount)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
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
(declare-fun q_more () Real)
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
 (< 0.0 q0))
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
 (let (($x483 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x483)))
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
 (let ((?x562 (ite (or (< 10000.0 q_more) (> (- 10000.0) q_more)) (/ 4.0 5.0) 1.0)))
(let ((?x975 (- 0.0 q_more)))
(let ((?x607 (ite (<= 0.0 ?x975) ?x975 0.0)))
(let ((?x1001 (* ?x607 p0)))
(let ((?x549 (* x0 ?x1001)))
(let ((?x71 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x1049 (* ?x71 ?x1001)))
(let ((?x970 (* rate.short_high_rate lev0)))
(let ((?x554 (ite (<= ?x970 rate.leveraged_short_rate_cap) ?x970 rate.leveraged_short_rate_cap)))
(let (($x1120 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x285 (ite $x1120 ?x554 ?x970)))
(let ((?x481 (* ?x285 ?x1001)))
(let ((?x504 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
(let ((?x1065 (* ?x607 ?x504)))
(let ((?x543 (* rate.short_high_per_share ?x1065)))
(let ((?x189 (* rate.short_low_rate lev0)))
(let ((?x1193 (ite (<= ?x189 rate.leveraged_short_rate_cap) ?x189 rate.leveraged_short_rate_cap)))
(let ((?x388 (ite $x1120 ?x1193 ?x189)))
(let ((?x76 (* ?x388 ?x1001)))
(let ((?x165 (* rate.short_low_per_share ?x1065)))
(let (($x110 (< p0 rate.short_price_threshold)))
(let ((?x725 (ite $x110 (ite (>= ?x165 ?x76) ?x165 ?x76) (ite (>= ?x543 ?x481) ?x543 ?x481))))
(let ((?x1050 (ite (>= ?x725 ?x1049) ?x725 ?x1049)))
(let ((?x272 (ite (>= ?x1050 ?x549) ?x1050 ?x549)))
(let ((?x1136 (* rate.initial_short_rate ?x1001)))
(let ((?x489 (* (ite (<= 0.0 q_more) q_more 0.0) p0)))
(let ((?x231 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x482 (* ?x231 lev0)))
(let ((?x972 (ite (>= 1.0 ?x482) ?x482 1.0)))
(let ((?x379 (ite mg0 (ite (>= ?x972 ?x71) ?x972 ?x71) rate.maintenance_nonmarginable_rate)))
(let ((?x526 (ite (>= ?x379 x0) ?x379 x0)))
(let ((?x367 (* ?x526 ?x489)))
(let ((?x147 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x710 (* ?x147 ?x489)))
(let ((?x302 (+ (ite (>= ?x710 ?x367) ?x710 ?x367) (ite (>= ?x1136 ?x272) ?x1136 ?x272))))
(let ((?x566 (ite (or (< 10000.0 q0) (> (- 10000.0) q0)) (/ 4.0 5.0) 1.0)))
(let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x206 (* ?x71 ?x969)))
(let ((?x294 (* ?x285 ?x969)))
(let ((?x390 (* ?x1180 ?x504)))
(let ((?x419 (* rate.short_high_per_share ?x390)))
(let ((?x114 (* ?x388 ?x969)))
(let ((?x21 (* rate.short_low_per_share ?x390)))
(let ((?x493 (ite $x110 (ite (>= ?x21 ?x114) ?x21 ?x114) (ite (>= ?x419 ?x294) ?x419 ?x294))))
(let ((?x503 (ite (>= ?x493 ?x206) ?x493 ?x206)))
(let ((?x1089 (ite (>= ?x503 ?x1169) ?x503 ?x1169)))
(let ((?x967 (* rate.initial_short_rate ?x969)))
(let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x238 (* ?x526 ?x401)))
(let ((?x73 (* ?x147 ?x401)))
(let ((?x1039 (+ (ite (>= ?x73 ?x238) ?x73 ?x238) (ite (>= ?x967 ?x1089) ?x967 ?x1089))))
(let (($x1150 (and (and true (<= (* (+ ?x238 ?x1089) ?x566) (* (+ ?x367 ?x272) ?x562))) (<= (* ?x1039 ?x566) (* ?x302 ?x562)))))
(let (($x1009 (or (or false (and (and true (<= 0.0 q0)) (<= q0 q_more))) (and (and true (<= q_more q0)) (>= 0.0 q0)))))
(let (($x1190 (not $x1009)))
(let (($x185 (or $x1190 $x1150)))
(not $x185))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

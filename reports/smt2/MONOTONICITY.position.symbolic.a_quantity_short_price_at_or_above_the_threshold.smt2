; check: MONOTONICITY/position/symbolic/a_quantity_short_price_at_or_above_the_threshold
; property: MONOTONICITY
; expected: unsat (the property holds)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
(declare-fun rate.short_price_threshold () Real)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
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
 (> 0.0 q0))
(assert
 (<= rate.short_price_threshold p0))
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
 (let ((?x1161 (- 0.0 q_more)))
(let ((?x312 (ite (<= 0.0 ?x1161) ?x1161 0.0)))
(let ((?x169 (* ?x312 p0)))
(let ((?x582 (* x0 ?x169)))
(let ((?x702 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x9 (* ?x702 ?x169)))
(let ((?x339 (* rate.short_high_rate ?x169)))
(let ((?x575 (* rate.short_high_per_share ?x312)))
(let ((?x929 (* rate.short_low_rate ?x169)))
(let ((?x891 (* rate.short_low_per_share ?x312)))
(let (($x80 (< p0 rate.short_price_threshold)))
(let ((?x688 (ite $x80 (ite (>= ?x891 ?x929) ?x891 ?x929) (ite (>= ?x575 ?x339) ?x575 ?x339))))
(let ((?x235 (* ?x688 lev0)))
(let ((?x41 (ite (>= ?x235 ?x9) ?x235 ?x9)))
(let ((?x700 (ite (>= ?x41 ?x582) ?x41 ?x582)))
(let ((?x614 (* rate.initial_short_rate ?x169)))
(let ((?x471 (* (ite (<= 0.0 q_more) q_more 0.0) p0)))
(let ((?x887 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x222 (* ?x887 lev0)))
(let ((?x591 (ite (>= 1.0 ?x222) ?x222 1.0)))
(let ((?x550 (ite mg0 (ite (>= ?x591 ?x702) ?x591 ?x702) rate.maintenance_nonmarginable_rate)))
(let ((?x542 (ite (>= ?x550 x0) ?x550 x0)))
(let ((?x22 (* ?x542 ?x471)))
(let ((?x516 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x884 (* ?x516 ?x471)))
(let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x376 (* ?x702 ?x52)))
(let ((?x477 (* rate.short_high_rate ?x52)))
(let ((?x109 (* rate.short_high_per_share ?x587)))
(let ((?x511 (* rate.short_low_rate ?x52)))
(let ((?x1172 (* rate.short_low_per_share ?x587)))
(let ((?x1188 (ite $x80 (ite (>= ?x1172 ?x511) ?x1172 ?x511) (ite (>= ?x109 ?x477) ?x109 ?x477))))
(let ((?x645 (* ?x1188 lev0)))
(let ((?x1167 (ite (>= ?x645 ?x376) ?x645 ?x376)))
(let ((?x358 (ite (>= ?x1167 ?x637) ?x1167 ?x637)))
(let ((?x612 (* rate.initial_short_rate ?x52)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x1231 (* ?x542 ?x514)))
(let ((?x65 (* ?x516 ?x514)))
(let (($x914 (<= (+ (ite (>= ?x65 ?x1231) ?x65 ?x1231) (ite (>= ?x612 ?x358) ?x612 ?x358)) (+ (ite (>= ?x884 ?x22) ?x884 ?x22) (ite (>= ?x614 ?x700) ?x614 ?x700)))))
(let (($x94 (or (or false (and (and true (<= 0.0 q0)) (<= q0 q_more))) (and (and true (<= q_more q0)) (>= 0.0 q0)))))
(let (($x590 (or (not $x94) (and (and true (<= (+ ?x1231 ?x358) (+ ?x22 ?x700))) $x914))))
(not $x590)))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

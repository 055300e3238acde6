; check: MONOTONICITY/unbounded/symbolic
; property: MONOTONICITY
; expected: unsat (the property holds)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun rest_maintenance () Real)
(declare-fun rest_initial () Real)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
(declare-fun p0_after () Real)
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
(declare-fun mg0 () Bool)
(declare-fun rest_equity () Real)
(assert
 (<= 0.0 rest_maintenance))
(assert
 (<= rest_maintenance rest_initial))
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
 (<= 0.0 p0_after))
(assert
 (<= p0_after p0))
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
 (let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x1189 (* ?x587 p0_after)))
(let ((?x505 (* x0 ?x1189)))
(let ((?x702 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x411 (* ?x702 ?x1189)))
(let ((?x654 (* rate.short_high_rate ?x1189)))
(let ((?x109 (* rate.short_high_per_share ?x587)))
(let ((?x1202 (* rate.short_low_rate ?x1189)))
(let ((?x1172 (* rate.short_low_per_share ?x587)))
(let ((?x238 (ite (< p0_after rate.short_price_threshold) (ite (>= ?x1172 ?x1202) ?x1172 ?x1202) (ite (>= ?x109 ?x654) ?x109 ?x654))))
(let ((?x883 (* ?x238 lev0)))
(let ((?x1141 (ite (>= ?x883 ?x411) ?x883 ?x411)))
(let ((?x1163 (ite (>= ?x1141 ?x505) ?x1141 ?x505)))
(let ((?x455 (* rate.initial_short_rate ?x1189)))
(let ((?x777 (ite (<= 0.0 q0) q0 0.0)))
(let ((?x1142 (* ?x777 p0_after)))
(let ((?x1171 (ite (< p0_after rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x729 (* ?x1171 lev0)))
(let ((?x161 (ite (>= 1.0 ?x729) ?x729 1.0)))
(let ((?x1241 (ite mg0 (ite (>= ?x161 ?x702) ?x161 ?x702) rate.maintenance_nonmarginable_rate)))
(let ((?x494 (* (ite (>= ?x1241 x0) ?x1241 x0) ?x1142)))
(let ((?x516 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x59 (* ?x516 ?x1142)))
(let ((?x493 (+ rest_initial (+ (ite (>= ?x59 ?x494) ?x59 ?x494) (ite (>= ?x455 ?x1163) ?x455 ?x1163)))))
(let ((?x935 (+ rest_equity (* q0 p0_after))))
(let ((?x288 (ite (< ?x935 (+ rest_maintenance (+ ?x494 ?x1163))) 2 (ite (< ?x935 ?x493) 1 0))))
(let (($x255 (not true)))
(let ((?x1157 (ite $x255 0 ?x288)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x376 (* ?x702 ?x52)))
(let ((?x477 (* rate.short_high_rate ?x52)))
(let ((?x511 (* rate.short_low_rate ?x52)))
(let ((?x1188 (ite (< p0 rate.short_price_threshold) (ite (>= ?x1172 ?x511) ?x1172 ?x511) (ite (>= ?x109 ?x477) ?x109 ?x477))))
(let ((?x645 (* ?x1188 lev0)))
(let ((?x1167 (ite (>= ?x645 ?x376) ?x645 ?x376)))
(let ((?x358 (ite (>= ?x1167 ?x637) ?x1167 ?x637)))
(let ((?x612 (* rate.initial_short_rate ?x52)))
(let ((?x514 (* ?x777 p0)))
(let ((?x887 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x222 (* ?x887 lev0)))
(let ((?x591 (ite (>= 1.0 ?x222) ?x222 1.0)))
(let ((?x550 (ite mg0 (ite (>= ?x591 ?x702) ?x591 ?x702) rate.maintenance_nonmarginable_rate)))
(let ((?x1231 (* (ite (>= ?x550 x0) ?x550 x0) ?x514)))
(let ((?x65 (* ?x516 ?x514)))
(let ((?x556 (+ rest_initial (+ (ite (>= ?x65 ?x1231) ?x65 ?x1231) (ite (>= ?x612 ?x358) ?x612 ?x358)))))
(let ((?x1203 (* q0 p0)))
(let ((?x31 (+ rest_equity ?x1203)))
(let ((?x283 (ite (< ?x31 (+ rest_maintenance (+ ?x1231 ?x358))) 2 (ite (< ?x31 ?x556) 1 0))))
(let ((?x692 (ite $x255 0 ?x283)))
(let (($x40 (<= (ite (= 2 ?x692) 2.0 (ite (= 1 ?x692) 1.0 0.0)) (ite (= 2 ?x1157) 2.0 (ite (= 1 ?x1157) 1.0 0.0)))))
(let (($x866 (<= (- ?x935 (+ rest_maintenance (+ ?x494 ?x1163))) (- ?x31 (+ rest_maintenance (+ ?x1231 ?x358))))))
(let (($x549 (and (and (and true $x866) (<= (- ?x935 ?x493) (- ?x31 ?x556))) $x40)))
(not $x549))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

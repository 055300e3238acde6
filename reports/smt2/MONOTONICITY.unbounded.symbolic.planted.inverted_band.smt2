; check: MONOTONICITY/unbounded/symbolic
; property: MONOTONICITY
; expected: sat (planted bug inverted_band)
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
(let ((?x164 (ite (>= ?x455 ?x1163) ?x455 ?x1163)))
(let ((?x777 (ite (<= 0.0 q0) q0 0.0)))
(let ((?x1142 (* ?x777 p0_after)))
(let ((?x433 (* (ite (> (/ 5.0 2.0) p0_after) (/ 1.0 10.0) rate.maintenance_long_rate) lev0)))
(let ((?x93 (ite (>= 1.0 ?x433) ?x433 1.0)))
(let ((?x872 (ite mg0 (ite (>= ?x93 ?x702) ?x93 ?x702) rate.maintenance_nonmarginable_rate)))
(let ((?x1156 (* (ite (>= ?x872 x0) ?x872 x0) ?x1142)))
(let ((?x516 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x59 (* ?x516 ?x1142)))
(let ((?x1240 (+ rest_initial (+ (ite (>= ?x59 ?x1156) ?x59 ?x1156) ?x164))))
(let ((?x935 (+ rest_equity (* q0 p0_after))))
(let ((?x97 (ite (< ?x935 (+ rest_maintenance (+ ?x1156 ?x1163))) 2 (ite (< ?x935 ?x1240) 1 0))))
(let (($x255 (not true)))
(let ((?x537 (ite $x255 0 ?x97)))
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
(let ((?x1179 (ite (>= ?x612 ?x358) ?x612 ?x358)))
(let ((?x514 (* ?x777 p0)))
(let ((?x572 (* (ite (> (/ 5.0 2.0) p0) (/ 1.0 10.0) rate.maintenance_long_rate) lev0)))
(let ((?x1139 (ite (>= 1.0 ?x572) ?x572 1.0)))
(let ((?x879 (ite mg0 (ite (>= ?x1139 ?x702) ?x1139 ?x702) rate.maintenance_nonmarginable_rate)))
(let ((?x486 (* (ite (>= ?x879 x0) ?x879 x0) ?x514)))
(let ((?x65 (* ?x516 ?x514)))
(let ((?x231 (+ rest_initial (+ (ite (>= ?x65 ?x486) ?x65 ?x486) ?x1179))))
(let ((?x1203 (* q0 p0)))
(let ((?x31 (+ rest_equity ?x1203)))
(let ((?x148 (ite (< ?x31 (+ rest_maintenance (+ ?x486 ?x358))) 2 (ite (< ?x31 ?x231) 1 0))))
(let ((?x848 (ite $x255 0 ?x148)))
(let (($x649 (<= (ite (= 2 ?x848) 2.0 (ite (= 1 ?x848) 1.0 0.0)) (ite (= 2 ?x537) 2.0 (ite (= 1 ?x537) 1.0 0.0)))))
(let (($x185 (<= (- ?x935 (+ rest_maintenance (+ ?x1156 ?x1163))) (- ?x31 (+ rest_maintenance (+ ?x486 ?x358))))))
(let (($x1233 (and (and (and true $x185) (<= (- ?x935 ?x1240) (- ?x31 ?x231))) $x649)))
(not $x1233))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

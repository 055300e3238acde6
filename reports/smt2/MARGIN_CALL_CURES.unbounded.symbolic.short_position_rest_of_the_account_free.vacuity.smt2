; check: MARGIN_CALL_CURES/unbounded/symbolic/short_position_rest_of_the_account_free
; property: MARGIN_CALL_CURES
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
(declare-fun rest_maintenance () Real)
(declare-fun rest_long_value () Real)
(declare-fun rest_short_value () Real)
(declare-fun sold () Real)
(declare-fun cash () Real)
(declare-fun rate.leveraged_min_rate () Real)
(declare-fun rate.short_high_rate () Real)
(declare-fun rate.short_high_per_share () Real)
(declare-fun rate.short_low_rate () Real)
(declare-fun rate.short_low_per_share () Real)
(declare-fun rate.short_price_threshold () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
(declare-fun mg0 () Bool)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
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
 (not (= 0.0 q0)))
(assert
 (<= 0.0 rest_maintenance))
(assert
 (<= 0.0 rest_long_value))
(assert
 (>= 0.0 rest_short_value))
(assert
 (< 0.0 sold))
(assert
 (<= sold (* q0 (- 0.0 1.0))))
(assert
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x330 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
 (let ((?x717 (+ ?x330 (+ rest_short_value (- 0.0 ?x52)))))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x101 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1165 (* ?x101 ?x52)))
 (let ((?x544 (* rate.short_high_rate ?x52)))
 (let ((?x93 (* rate.short_high_per_share ?x587)))
 (let ((?x706 (* rate.short_low_rate ?x52)))
 (let ((?x1214 (* rate.short_low_per_share ?x587)))
 (let (($x825 (< p0 rate.short_price_threshold)))
 (let ((?x1311 (ite $x825 (ite (>= ?x1214 ?x706) ?x1214 ?x706) (ite (>= ?x93 ?x544) ?x93 ?x544))))
 (let ((?x646 (* ?x1311 lev0)))
 (let ((?x621 (ite (>= ?x646 ?x1165) ?x646 ?x1165)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1393 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x1314 (* ?x1393 lev0)))
 (let ((?x1571 (ite (>= 1.0 ?x1314) ?x1314 1.0)))
 (let ((?x886 (ite mg0 (ite (>= ?x1571 ?x101) ?x1571 ?x101) rate.maintenance_nonmarginable_rate)))
 (let ((?x1189 (ite (>= ?x886 x0) ?x886 x0)))
 (let ((?x850 (+ (* ?x1189 ?x514) (ite (>= ?x621 ?x637) ?x621 ?x637))))
 (let ((?x71 (+ rest_maintenance ?x850)))
 (let ((?x315 (- ?x71 ?x717)))
 (let ((?x686 (ite (<= 0.0 ?x315) ?x315 0.0)))
 (< 0.0 ?x686))))))))))))))))))))))))))))
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
(check-sat)

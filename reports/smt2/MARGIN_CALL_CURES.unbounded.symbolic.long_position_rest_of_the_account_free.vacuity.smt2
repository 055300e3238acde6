; check: MARGIN_CALL_CURES/unbounded/symbolic/long_position_rest_of_the_account_free
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
 (< 0.0 q0))
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
 (<= sold (* q0 1.0)))
(assert
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x330 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
 (let ((?x717 (+ ?x330 (+ rest_short_value (- 0.0 ?x52)))))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x1264 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1348 (* ?x1264 ?x52)))
 (let ((?x1273 (* rate.short_high_rate ?x52)))
 (let ((?x1272 (* rate.short_high_per_share ?x587)))
 (let ((?x1269 (* rate.short_low_rate ?x52)))
 (let ((?x1347 (* rate.short_low_per_share ?x587)))
 (let (($x254 (< p0 rate.short_price_threshold)))
 (let ((?x188 (ite $x254 (ite (>= ?x1347 ?x1269) ?x1347 ?x1269) (ite (>= ?x1272 ?x1273) ?x1272 ?x1273))))
 (let ((?x74 (* ?x188 lev0)))
 (let ((?x33 (ite (>= ?x74 ?x1348) ?x74 ?x1348)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x91 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x1257 (* ?x91 lev0)))
 (let ((?x586 (ite (>= 1.0 ?x1257) ?x1257 1.0)))
 (let ((?x1256 (ite mg0 (ite (>= ?x586 ?x1264) ?x586 ?x1264) rate.maintenance_nonmarginable_rate)))
 (let ((?x1259 (ite (>= ?x1256 x0) ?x1256 x0)))
 (let ((?x389 (+ (* ?x1259 ?x514) (ite (>= ?x33 ?x637) ?x33 ?x637))))
 (let ((?x162 (+ rest_maintenance ?x389)))
 (let ((?x467 (- ?x162 ?x717)))
 (let ((?x1579 (ite (<= 0.0 ?x467) ?x467 0.0)))
 (< 0.0 ?x1579))))))))))))))))))))))))))))
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

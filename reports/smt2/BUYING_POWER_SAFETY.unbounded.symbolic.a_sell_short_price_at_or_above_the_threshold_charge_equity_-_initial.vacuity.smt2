; check: BUYING_POWER_SAFETY/unbounded/symbolic/a_sell_short_price_at_or_above_the_threshold_charge_equity_-_initial
; property: BUYING_POWER_SAFETY
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun maintenance () Real)
(declare-fun initial () Real)
(declare-fun long_market_value () Real)
(declare-fun short_market_value () Real)
(declare-fun has_positions () Bool)
(declare-fun has_shorts () Bool)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun order_qty () Real)
(declare-fun rate.short_price_threshold () Real)
(declare-fun q0 () Real)
(declare-fun rate.leveraged_min_rate () Real)
(declare-fun rate.short_high_rate () Real)
(declare-fun rate.short_high_per_share () Real)
(declare-fun rate.short_low_rate () Real)
(declare-fun rate.short_low_per_share () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
(declare-fun mg0 () Bool)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x794 (= 0.0 short_market_value)))
 (let (($x432 (and (and (and true (= 0.0 long_market_value)) $x794) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x432 (= 0.0 initial))))))
(assert
 (let (($x872 (not has_shorts)))
 (or $x872 has_positions)))
(assert
 (let (($x794 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x794)))
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
 (> 0.0 order_qty))
(assert
 (< 0.0 p0))
(assert
 (<= rate.short_price_threshold p0))
(assert
 (or (or false (= 0.0 q0)) (< 0.0 (* q0 order_qty))))
(assert
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x898 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1574 (* ?x898 ?x52)))
 (let ((?x25 (* rate.short_high_rate ?x52)))
 (let ((?x1311 (* rate.short_high_per_share ?x587)))
 (let ((?x1161 (* rate.short_low_rate ?x52)))
 (let ((?x91 (* rate.short_low_per_share ?x587)))
 (let (($x460 (< p0 rate.short_price_threshold)))
 (let ((?x1387 (ite $x460 (ite (>= ?x91 ?x1161) ?x91 ?x1161) (ite (>= ?x1311 ?x25) ?x1311 ?x25))))
 (let ((?x165 (* ?x1387 lev0)))
 (let ((?x1267 (ite (>= ?x165 ?x1574) ?x165 ?x1574)))
 (let ((?x1401 (ite (>= ?x1267 ?x637) ?x1267 ?x637)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1610 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x1000 (* ?x1610 lev0)))
 (let ((?x103 (ite (>= 1.0 ?x1000) ?x1000 1.0)))
 (let ((?x826 (ite mg0 (ite (>= ?x103 ?x898) ?x103 ?x898) rate.maintenance_nonmarginable_rate)))
 (let ((?x905 (ite (>= ?x826 x0) ?x826 x0)))
 (let ((?x1347 (* ?x905 ?x514)))
 (<= (+ ?x1347 ?x1401) maintenance))))))))))))))))))))))))
(assert
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x898 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1574 (* ?x898 ?x52)))
 (let ((?x25 (* rate.short_high_rate ?x52)))
 (let ((?x1311 (* rate.short_high_per_share ?x587)))
 (let ((?x1161 (* rate.short_low_rate ?x52)))
 (let ((?x91 (* rate.short_low_per_share ?x587)))
 (let (($x460 (< p0 rate.short_price_threshold)))
 (let ((?x1387 (ite $x460 (ite (>= ?x91 ?x1161) ?x91 ?x1161) (ite (>= ?x1311 ?x25) ?x1311 ?x25))))
 (let ((?x165 (* ?x1387 lev0)))
 (let ((?x1267 (ite (>= ?x165 ?x1574) ?x165 ?x1574)))
 (let ((?x1401 (ite (>= ?x1267 ?x637) ?x1267 ?x637)))
 (let ((?x1393 (* rate.initial_short_rate ?x52)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1610 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x1000 (* ?x1610 lev0)))
 (let ((?x103 (ite (>= 1.0 ?x1000) ?x1000 1.0)))
 (let ((?x826 (ite mg0 (ite (>= ?x103 ?x898) ?x103 ?x898) rate.maintenance_nonmarginable_rate)))
 (let ((?x905 (ite (>= ?x826 x0) ?x826 x0)))
 (let ((?x1347 (* ?x905 ?x514)))
 (let ((?x1038 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
 (let ((?x548 (* ?x1038 ?x514)))
 (let ((?x1203 (+ (ite (>= ?x548 ?x1347) ?x548 ?x1347) (ite (>= ?x1393 ?x1401) ?x1393 ?x1401))))
 (<= ?x1203 initial))))))))))))))))))))))))))))
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

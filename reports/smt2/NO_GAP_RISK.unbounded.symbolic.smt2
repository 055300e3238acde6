; check: NO_GAP_RISK/unbounded/symbolic
; property: NO_GAP_RISK
; expected: unsat (the property holds)
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
(declare-fun amount () Real)
(declare-fun cash () Real)
(declare-fun keep_initial () Bool)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x200 (= 0.0 short_market_value)))
 (let (($x210 (and (and (and true (= 0.0 long_market_value)) $x200) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x210 (= 0.0 initial))))))
(assert
 (let (($x451 (not has_shorts)))
 (or $x451 has_positions)))
(assert
 (let (($x200 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x200)))
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
 (let ((?x918 (+ (+ cash long_market_value) short_market_value)))
(let ((?x647 (- ?x918 amount)))
(let (($x267 (not has_positions)))
(let ((?x380 (ite $x267 0 (ite (< ?x647 maintenance) 2 (ite (< ?x647 initial) 1 0)))))
(let ((?x1201 (ite (>= initial maintenance) initial maintenance)))
(let ((?x901 (ite has_positions (- ?x918 (ite (>= rate.minimum_equity ?x1201) rate.minimum_equity ?x1201)) 0.0)))
(let ((?x429 (- ?x918 ?x1201)))
(let ((?x953 (ite (<= 0.0 cash) cash 0.0)))
(let (($x451 (not has_shorts)))
(let ((?x700 (ite $x451 (ite (<= ?x953 ?x429) ?x953 ?x429) 0.0)))
(let ((?x15 (ite (>= ?x700 ?x901) ?x700 ?x901)))
(let ((?x496 (ite keep_initial (ite (<= 0.0 ?x429) ?x429 0.0) (ite (<= 0.0 ?x15) ?x15 0.0))))
(let (($x546 (or (not (and (< 0.0 amount) (<= amount ?x496))) (and (and true (not (= 2 ?x380))) (= 0 ?x380)))))
(not $x546)))))))))))))))
(check-sat)

; check: WITHDRAWAL_PROTECTION/unbounded/symbolic
; property: WITHDRAWAL_PROTECTION
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
(declare-fun cash () Real)
(declare-fun keep_initial () Bool)
(declare-fun amount () Real)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x1218 (= 0.0 short_market_value)))
 (let (($x1240 (and (and (and true (= 0.0 long_market_value)) $x1218) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x1240 (= 0.0 initial))))))
(assert
 (let (($x1245 (not has_shorts)))
 (or $x1245 has_positions)))
(assert
 (let (($x1218 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x1218)))
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
 (let ((?x721 (ite (>= initial maintenance) initial maintenance)))
(let ((?x927 (+ (+ cash long_market_value) short_market_value)))
(let ((?x577 (ite has_positions (- ?x927 (ite (>= rate.minimum_equity ?x721) rate.minimum_equity ?x721)) 0.0)))
(let ((?x952 (- ?x927 ?x721)))
(let ((?x953 (ite (<= 0.0 cash) cash 0.0)))
(let (($x1245 (not has_shorts)))
(let ((?x384 (ite $x1245 (ite (<= ?x953 ?x952) ?x953 ?x952) 0.0)))
(let ((?x582 (ite (>= ?x384 ?x577) ?x384 ?x577)))
(let ((?x114 (ite keep_initial (ite (<= 0.0 ?x952) ?x952 0.0) (ite (<= 0.0 ?x582) ?x582 0.0))))
(let (($x831 (< 0.0 ?x114)))
(let (($x1231 (< 0.0 amount)))
(let (($x84 (and $x1231 (<= amount ?x114))))
(let (($x759 (and (and true (<= rate.minimum_equity (- ?x927 amount))) (<= maintenance (- ?x927 amount)))))
(let (($x733 (and (and true (not keep_initial)) (or (or false (> 0.0 (- cash amount))) has_shorts))))
(let (($x218 (and (and true (<= initial (- ?x927 amount))) (or (not $x733) $x759))))
(let (($x1185 (and (and (and true (<= 0.0 ?x114)) (or (not $x84) $x218)) (or (not (and (and true $x1231) $x218)) $x84))))
(let (($x1147 (and $x1185 (not (and (< 0.0 (+ ?x114 (/ 1.0 100.0))) (<= (+ ?x114 (/ 1.0 100.0)) ?x114))))))
(let (($x385 (and $x1147 (or (not $x831) (and $x831 (<= ?x114 ?x114))))))
(not $x385))))))))))))))))))))
(check-sat)

; check: WITHDRAWAL_PROTECTION/unbounded/symbolic
; property: WITHDRAWAL_PROTECTION
; expected: sat (planted bug le_as_lt)
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
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
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
 (let (($x1162 (= 0.0 short_market_value)))
 (let (($x71 (and (and (and true (= 0.0 long_market_value)) $x1162) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x71 (= 0.0 initial))))))
(assert
 (let (($x222 (not has_shorts)))
 (or $x222 has_positions)))
(assert
 (let (($x1162 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x1162)))
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
 (let (($x288 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x288)))
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
 (let ((?x568 (ite (>= initial maintenance) initial maintenance)))
(let ((?x1026 (+ (+ cash long_market_value) short_market_value)))
(let ((?x1012 (ite has_positions (- ?x1026 (ite (>= rate.minimum_equity ?x568) rate.minimum_equity ?x568)) 0.0)))
(let ((?x1008 (- ?x1026 ?x568)))
(let ((?x1028 (ite (<= 0.0 cash) cash 0.0)))
(let (($x222 (not has_shorts)))
(let ((?x1006 (ite $x222 (ite (<= ?x1028 ?x1008) ?x1028 ?x1008) 0.0)))
(let ((?x317 (ite (>= ?x1006 ?x1012) ?x1006 ?x1012)))
(let ((?x298 (ite (<= 0.0 ?x1008) ?x1008 0.0)))
(let ((?x526 (ite keep_initial ?x298 (ite (<= 0.0 ?x317) ?x317 0.0))))
(let (($x621 (< 0.0 ?x526)))
(let (($x599 (not $x621)))
(let (($x534 (< 0.0 amount)))
(let (($x366 (and $x534 (< amount ?x526))))
(let (($x206 (and (and true (<= rate.minimum_equity (- ?x1026 amount))) (<= maintenance (- ?x1026 amount)))))
(let (($x560 (and (and true (not keep_initial)) (or (or false (> 0.0 (- cash amount))) has_shorts))))
(let (($x483 (and (and true (<= initial (- ?x1026 amount))) (or (not $x560) $x206))))
(let (($x575 (not (and (and true $x534) $x483))))
(let (($x550 (and (and (and true (<= 0.0 ?x526)) (or (not $x366) $x483)) (or $x575 $x366))))
(let (($x1011 (and $x550 (not (and (< 0.0 (+ ?x526 (/ 1.0 100.0))) (< (+ ?x526 (/ 1.0 100.0)) ?x526))))))
(let (($x424 (and $x1011 (or $x599 (and $x621 (< ?x526 ?x526))))))
(not $x424)))))))))))))))))))))))
(check-sat)

; check: BOUNDARIES/unbounded/symbolic
; property: BOUNDARIES
; expected: sat (planted bug lt_as_le)
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
(declare-fun delta () Real)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x616 (= 0.0 short_market_value)))
 (let (($x22 (and (and (and true (= 0.0 long_market_value)) $x616) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x22 (= 0.0 initial))))))
(assert
 (let (($x700 (not has_shorts)))
 (or $x700 has_positions)))
(assert
 (let (($x616 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x616)))
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
 (let ((?x547 (ite (<= (- initial delta) maintenance) 2 (ite (<= (- initial delta) initial) 1 0))))
(let (($x167 (not has_positions)))
(let (($x439 (and (and true (< 0.0 delta)) (<= maintenance (- initial delta)))))
(let (($x90 (not $x439)))
(let ((?x555 (ite (<= (- maintenance delta) maintenance) 2 (ite (<= (- maintenance delta) initial) 1 0))))
(let (($x623 (< 0.0 delta)))
(let (($x537 (not $x623)))
(let ((?x480 (ite (<= (- initial (/ 1.0 100.0)) maintenance) 2 (ite (<= (- initial (/ 1.0 100.0)) initial) 1 0))))
(let (($x621 (not (<= maintenance (- initial (/ 1.0 100.0))))))
(let ((?x297 (ite (<= (- maintenance (/ 1.0 100.0)) maintenance) 2 (ite (<= (- maintenance (/ 1.0 100.0)) initial) 1 0))))
(let (($x542 (<= initial maintenance)))
(let ((?x302 (ite $x167 0 (ite $x542 2 (ite (<= initial initial) 1 0)))))
(let (($x359 (<= maintenance maintenance)))
(let ((?x473 (ite $x167 0 (ite $x359 2 (ite (<= maintenance initial) 1 0)))))
(let (($x274 (< maintenance initial)))
(let (($x567 (not $x274)))
(let (($x431 (and (and (and true (or $x567 (= 1 ?x473))) (= 0 ?x302)) (= 2 (ite $x167 0 ?x297)))))
(let (($x132 (and (and $x431 (or $x621 (= 1 (ite $x167 0 ?x480)))) (or $x537 (= 2 (ite $x167 0 ?x555))))))
(let (($x522 (or $x167 (and $x132 (or $x90 (= 1 (ite $x167 0 ?x547)))))))
(not $x522)))))))))))))))))))))
(check-sat)

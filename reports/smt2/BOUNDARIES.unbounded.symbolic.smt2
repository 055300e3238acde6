; check: BOUNDARIES/unbounded/symbolic
; property: BOUNDARIES
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
 (let ((?x607 (ite (< (- initial delta) maintenance) 2 (ite (< (- initial delta) initial) 1 0))))
(let (($x167 (not has_positions)))
(let (($x439 (and (and true (< 0.0 delta)) (<= maintenance (- initial delta)))))
(let ((?x8 (ite (< (- maintenance delta) maintenance) 2 (ite (< (- maintenance delta) initial) 1 0))))
(let ((?x628 (ite (< (- initial (/ 1.0 100.0)) maintenance) 2 (ite (< (- initial (/ 1.0 100.0)) initial) 1 0))))
(let (($x622 (or (not (<= maintenance (- initial (/ 1.0 100.0)))) (= 1 (ite $x167 0 ?x628)))))
(let ((?x692 (ite (< (- maintenance (/ 1.0 100.0)) maintenance) 2 (ite (< (- maintenance (/ 1.0 100.0)) initial) 1 0))))
(let ((?x658 (ite (< initial maintenance) 2 (ite (< initial initial) 1 0))))
(let (($x274 (< maintenance initial)))
(let ((?x225 (ite $x274 1 0)))
(let (($x553 (= 1 (ite $x167 0 (ite (< maintenance maintenance) 2 ?x225)))))
(let (($x602 (and (and true (or (not $x274) $x553)) (= 0 (ite $x167 0 ?x658)))))
(let (($x271 (and (and (and $x602 (= 2 (ite $x167 0 ?x692))) $x622) (or (not (< 0.0 delta)) (= 2 (ite $x167 0 ?x8))))))
(let (($x152 (or $x167 (and $x271 (or (not $x439) (= 1 (ite $x167 0 ?x607)))))))
(not $x152))))))))))))))))
(check-sat)

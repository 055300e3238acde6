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
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
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
 (let (($x395 (= 0.0 short_market_value)))
 (let (($x379 (and (and (and true (= 0.0 long_market_value)) $x395) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x379 (= 0.0 initial))))))
(assert
 (let (($x198 (not has_shorts)))
 (or $x198 has_positions)))
(assert
 (let (($x395 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x395)))
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
 (let (($x570 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x570)))
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
 (let ((?x56 (ite (< (- initial delta) maintenance) 2 (ite (< (- initial delta) initial) 1 0))))
(let (($x44 (not has_positions)))
(let (($x177 (and (and true (< 0.0 delta)) (<= maintenance (- initial delta)))))
(let ((?x268 (ite (< (- maintenance delta) maintenance) 2 (ite (< (- maintenance delta) initial) 1 0))))
(let ((?x760 (ite (< (- initial (/ 1.0 100.0)) maintenance) 2 (ite (< (- initial (/ 1.0 100.0)) initial) 1 0))))
(let (($x666 (or (not (<= maintenance (- initial (/ 1.0 100.0)))) (= 1 (ite $x44 0 ?x760)))))
(let ((?x745 (ite (< (- maintenance (/ 1.0 100.0)) maintenance) 2 (ite (< (- maintenance (/ 1.0 100.0)) initial) 1 0))))
(let ((?x67 (ite (< initial maintenance) 2 (ite (< initial initial) 1 0))))
(let (($x715 (< maintenance initial)))
(let ((?x102 (ite $x715 1 0)))
(let (($x332 (= 1 (ite $x44 0 (ite (< maintenance maintenance) 2 ?x102)))))
(let (($x361 (and (and true (or (not $x715) $x332)) (= 0 (ite $x44 0 ?x67)))))
(let (($x93 (and (and (and $x361 (= 2 (ite $x44 0 ?x745))) $x666) (or (not (< 0.0 delta)) (= 2 (ite $x44 0 ?x268))))))
(let (($x150 (or $x44 (and $x93 (or (not $x177) (= 1 (ite $x44 0 ?x56)))))))
(not $x150))))))))))))))))
(check-sat)

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
 (let ((?x611 (ite (<= (- initial delta) maintenance) 2 (ite (<= (- initial delta) initial) 1 0))))
(let (($x44 (not has_positions)))
(let (($x177 (and (and true (< 0.0 delta)) (<= maintenance (- initial delta)))))
(let (($x372 (not $x177)))
(let ((?x577 (ite (<= (- maintenance delta) maintenance) 2 (ite (<= (- maintenance delta) initial) 1 0))))
(let (($x668 (< 0.0 delta)))
(let (($x179 (not $x668)))
(let ((?x572 (ite (<= (- initial (/ 1.0 100.0)) maintenance) 2 (ite (<= (- initial (/ 1.0 100.0)) initial) 1 0))))
(let (($x762 (not (<= maintenance (- initial (/ 1.0 100.0))))))
(let ((?x218 (ite (<= (- maintenance (/ 1.0 100.0)) maintenance) 2 (ite (<= (- maintenance (/ 1.0 100.0)) initial) 1 0))))
(let (($x339 (<= initial maintenance)))
(let ((?x466 (ite $x44 0 (ite $x339 2 (ite (<= initial initial) 1 0)))))
(let (($x354 (<= maintenance maintenance)))
(let ((?x122 (ite $x44 0 (ite $x354 2 (ite (<= maintenance initial) 1 0)))))
(let (($x715 (< maintenance initial)))
(let (($x236 (not $x715)))
(let (($x276 (and (and (and true (or $x236 (= 1 ?x122))) (= 0 ?x466)) (= 2 (ite $x44 0 ?x218)))))
(let (($x288 (and (and $x276 (or $x762 (= 1 (ite $x44 0 ?x572)))) (or $x179 (= 2 (ite $x44 0 ?x577))))))
(let (($x9 (or $x44 (and $x288 (or $x372 (= 1 (ite $x44 0 ?x611)))))))
(not $x9)))))))))))))))))))))
(check-sat)

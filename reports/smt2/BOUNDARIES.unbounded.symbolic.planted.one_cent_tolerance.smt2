; check: BOUNDARIES/unbounded/symbolic
; property: BOUNDARIES
; expected: sat (planted bug one_cent_tolerance)
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
 (let ((?x725 (ite (< (+ (- initial delta) (/ 1.0 100.0)) maintenance) 2 (ite (< (+ (- initial delta) (/ 1.0 100.0)) initial) 1 0))))
(let (($x44 (not has_positions)))
(let (($x177 (and (and true (< 0.0 delta)) (<= maintenance (- initial delta)))))
(let (($x372 (not $x177)))
(let ((?x299 (ite (< (+ (- maintenance delta) (/ 1.0 100.0)) maintenance) 2 (ite (< (+ (- maintenance delta) (/ 1.0 100.0)) initial) 1 0))))
(let (($x668 (< 0.0 delta)))
(let (($x179 (not $x668)))
(let ((?x544 (ite (< (+ (- initial (/ 1.0 100.0)) (/ 1.0 100.0)) maintenance) 2 (ite (< (+ (- initial (/ 1.0 100.0)) (/ 1.0 100.0)) initial) 1 0))))
(let (($x762 (not (<= maintenance (- initial (/ 1.0 100.0))))))
(let ((?x457 (ite (< (+ (- maintenance (/ 1.0 100.0)) (/ 1.0 100.0)) initial) 1 0)))
(let ((?x367 (ite $x44 0 (ite (< (+ (- maintenance (/ 1.0 100.0)) (/ 1.0 100.0)) maintenance) 2 ?x457))))
(let ((?x104 (ite (< (+ initial (/ 1.0 100.0)) maintenance) 2 (ite (< (+ initial (/ 1.0 100.0)) initial) 1 0))))
(let ((?x209 (ite (< (+ maintenance (/ 1.0 100.0)) initial) 1 0)))
(let ((?x197 (ite $x44 0 (ite (< (+ maintenance (/ 1.0 100.0)) maintenance) 2 ?x209))))
(let (($x715 (< maintenance initial)))
(let (($x236 (not $x715)))
(let (($x430 (and (and true (or $x236 (= 1 ?x197))) (= 0 (ite $x44 0 ?x104)))))
(let (($x616 (and (and $x430 (= 2 ?x367)) (or $x762 (= 1 (ite $x44 0 ?x544))))))
(let (($x389 (and (and $x616 (or $x179 (= 2 (ite $x44 0 ?x299)))) (or $x372 (= 1 (ite $x44 0 ?x725))))))
(let (($x409 (or $x44 $x389)))
(not $x409))))))))))))))))))))))
(check-sat)

; check: LINK/position/symbolic
; property: LINK
; expected: sat (planted bug routing_sign_error)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
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
(declare-fun q0 () Real)
(declare-fun mg0 () Bool)
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
 (let ((?x353 (* q0 p0)))
(let ((?x235 (* x0 ?x353)))
(let ((?x188 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x66 (* ?x188 ?x353)))
(let ((?x62 (* rate.short_high_rate ?x353)))
(let ((?x122 (* rate.short_high_per_share q0)))
(let ((?x426 (* rate.short_low_rate ?x353)))
(let ((?x126 (* rate.short_low_per_share q0)))
(let (($x375 (< p0 rate.short_price_threshold)))
(let ((?x69 (ite $x375 (ite (>= ?x126 ?x426) ?x126 ?x426) (ite (>= ?x122 ?x62) ?x122 ?x62))))
(let ((?x65 (* ?x69 lev0)))
(let ((?x89 (ite (>= ?x65 ?x66) ?x65 ?x66)))
(let ((?x64 (ite (>= ?x89 ?x235) ?x89 ?x235)))
(let ((?x20 (* rate.initial_short_rate ?x353)))
(let (($x418 (> 0.0 q0)))
(let ((?x397 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x186 (* ?x397 lev0)))
(let ((?x401 (ite (>= 1.0 ?x186) ?x186 1.0)))
(let ((?x236 (ite mg0 (ite (>= ?x401 ?x188) ?x401 ?x188) rate.maintenance_nonmarginable_rate)))
(let ((?x194 (ite (>= ?x236 x0) ?x236 x0)))
(let ((?x328 (* ?x194 ?x353)))
(let ((?x162 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x331 (* ?x162 ?x353)))
(let (($x423 (< 0.0 q0)))
(let ((?x269 (ite $x423 (ite (>= ?x331 ?x328) ?x331 ?x328) (ite $x418 (ite (>= ?x20 ?x64) ?x20 ?x64) 0.0))))
(let ((?x56 (- 0.0 q0)))
(let ((?x406 (ite (<= 0.0 ?x56) ?x56 0.0)))
(let ((?x187 (* ?x406 p0)))
(let ((?x416 (* x0 ?x187)))
(let ((?x378 (* ?x188 ?x187)))
(let ((?x374 (* rate.short_high_rate ?x187)))
(let ((?x373 (* rate.short_high_per_share ?x406)))
(let ((?x157 (* rate.short_low_rate ?x187)))
(let ((?x189 (* rate.short_low_per_share ?x406)))
(let ((?x220 (ite $x375 (ite (>= ?x189 ?x157) ?x189 ?x157) (ite (>= ?x373 ?x374) ?x373 ?x374))))
(let ((?x252 (* ?x220 lev0)))
(let ((?x420 (ite (>= ?x252 ?x378) ?x252 ?x378)))
(let ((?x400 (ite (>= ?x420 ?x416) ?x420 ?x416)))
(let ((?x402 (* rate.initial_short_rate ?x187)))
(let ((?x399 (ite (>= ?x402 ?x400) ?x402 ?x400)))
(let (($x36 (<= 0.0 q0)))
(let ((?x393 (ite $x36 q0 0.0)))
(let ((?x203 (* ?x393 p0)))
(let ((?x198 (* ?x194 ?x203)))
(let ((?x379 (* ?x162 ?x203)))
(let ((?x159 (ite (>= ?x379 ?x198) ?x379 ?x198)))
(let ((?x417 (+ ?x159 ?x399)))
(let (($x381 (and (and true (or (not $x423) (= ?x393 q0))) (or (not $x418) (= ?x406 ?x56)))))
(let (($x332 (and true $x381)))
(let (($x71 (and (and $x332 (= (+ ?x198 ?x400) (ite $x423 ?x328 (ite $x418 ?x64 0.0)))) (= ?x417 ?x269))))
(not $x71))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

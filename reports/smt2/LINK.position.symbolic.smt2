; check: LINK/position/symbolic
; property: LINK
; expected: unsat (the property holds)
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
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
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
 (or (= 0.0 rate.leveraged_per_share_multiplied) (= 1.0 rate.leveraged_per_share_multiplied)))
(assert
 (let (($x214 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x214)))
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
 (let ((?x58 (- 0.0 q0)))
(let ((?x384 (ite (<= 0.0 ?x58) ?x58 0.0)))
(let ((?x418 (* ?x384 p0)))
(let ((?x410 (* x0 ?x418)))
(let ((?x404 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x483 (* ?x404 ?x418)))
(let ((?x461 (* rate.short_high_rate lev0)))
(let ((?x403 (ite (<= ?x461 rate.leveraged_short_rate_cap) ?x461 rate.leveraged_short_rate_cap)))
(let (($x467 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x407 (* (ite $x467 ?x403 ?x461) ?x418)))
(let ((?x169 (* ?x384 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0))))
(let ((?x277 (* rate.short_high_per_share ?x169)))
(let ((?x123 (* rate.short_low_rate lev0)))
(let ((?x457 (ite (<= ?x123 rate.leveraged_short_rate_cap) ?x123 rate.leveraged_short_rate_cap)))
(let ((?x281 (* (ite $x467 ?x457 ?x123) ?x418)))
(let ((?x460 (* rate.short_low_per_share ?x169)))
(let ((?x476 (ite (< p0 rate.short_price_threshold) (ite (>= ?x460 ?x281) ?x460 ?x281) (ite (>= ?x277 ?x407) ?x277 ?x407))))
(let ((?x168 (ite (>= ?x476 ?x483) ?x476 ?x483)))
(let ((?x23 (ite (>= ?x168 ?x410) ?x168 ?x410)))
(let ((?x165 (* rate.initial_short_rate ?x418)))
(let ((?x411 (ite (>= ?x165 ?x23) ?x165 ?x23)))
(let (($x417 (> 0.0 q0)))
(let (($x38 (<= 0.0 q0)))
(let ((?x459 (ite $x38 q0 0.0)))
(let ((?x125 (* ?x459 p0)))
(let ((?x393 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x394 (* ?x393 lev0)))
(let ((?x399 (ite (>= 1.0 ?x394) ?x394 1.0)))
(let ((?x121 (ite mg0 (ite (>= ?x399 ?x404) ?x399 ?x404) rate.maintenance_nonmarginable_rate)))
(let ((?x130 (* (ite (>= ?x121 x0) ?x121 x0) ?x125)))
(let ((?x132 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x468 (* ?x132 ?x125)))
(let ((?x19 (ite (>= ?x468 ?x130) ?x468 ?x130)))
(let (($x469 (< 0.0 q0)))
(let ((?x348 (+ ?x19 ?x411)))
(let (($x153 (and (and true (or (not $x469) (= ?x459 q0))) (or (not $x417) (= ?x384 ?x58)))))
(let (($x478 (and (and true $x153) (= (+ ?x130 ?x23) (ite $x469 ?x130 (ite $x417 ?x23 0.0))))))
(let (($x479 (and $x478 (= ?x348 (ite $x469 ?x19 (ite $x417 ?x411 0.0))))))
(not $x479))))))))))))))))))))))))))))))))))))))))
(check-sat)

; check: SHORT_FLOORS/position/symbolic
; property: SHORT_FLOORS
; expected: unsat (the property holds)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
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
 (> 0.0 q0))
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
 (let (($x967 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x967)))
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
 (let ((?x971 (- 0.0 q0)))
(let ((?x589 (* ?x971 p0)))
(let ((?x595 (* rate.short_high_rate ?x589)))
(let ((?x348 (* rate.short_high_per_share ?x971)))
(let ((?x337 (* rate.short_low_rate ?x589)))
(let ((?x189 (* rate.short_low_per_share ?x971)))
(let (($x165 (< p0 rate.short_price_threshold)))
(let ((?x1193 (ite $x165 (ite (>= ?x189 ?x337) ?x189 ?x337) (ite (>= ?x348 ?x595) ?x348 ?x595))))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x260 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x640 (* ?x260 ?x969)))
(let ((?x604 (* rate.short_high_rate lev0)))
(let ((?x637 (ite (<= ?x604 rate.leveraged_short_rate_cap) ?x604 rate.leveraged_short_rate_cap)))
(let (($x498 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x978 (* (ite $x498 ?x637 ?x604) ?x969)))
(let ((?x416 (* ?x1180 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0))))
(let ((?x1095 (* rate.short_high_per_share ?x416)))
(let ((?x168 (* rate.short_low_rate lev0)))
(let ((?x379 (ite (<= ?x168 rate.leveraged_short_rate_cap) ?x168 rate.leveraged_short_rate_cap)))
(let ((?x996 (* (ite $x498 ?x379 ?x168) ?x969)))
(let ((?x747 (* rate.short_low_per_share ?x416)))
(let ((?x263 (ite $x165 (ite (>= ?x747 ?x996) ?x747 ?x996) (ite (>= ?x1095 ?x978) ?x1095 ?x978))))
(let ((?x329 (ite (>= ?x263 ?x640) ?x263 ?x640)))
(let ((?x695 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x638 (* ?x695 lev0)))
(let ((?x988 (ite (>= 1.0 ?x638) ?x638 1.0)))
(let ((?x346 (ite mg0 (ite (>= ?x988 ?x260) ?x988 ?x260) rate.maintenance_nonmarginable_rate)))
(let ((?x480 (* (ite (>= ?x346 x0) ?x346 x0) (* (ite (<= 0.0 q0) q0 0.0) p0))))
(let ((?x345 (+ ?x480 (ite (>= ?x329 ?x1169) ?x329 ?x1169))))
(let (($x123 (or (not (and (and true (= 1.0 lev0)) (= 0.0 x0))) (= ?x345 ?x1193))))
(let (($x1127 (or (not (not $x165)) (and (and true (<= ?x348 ?x345)) (<= ?x595 ?x345)))))
(let (($x1043 (and true (or (not $x165) (and (and true (<= ?x189 ?x345)) (<= ?x337 ?x345))))))
(let (($x245 (and (and $x1043 $x1127) $x123)))
(not $x245)))))))))))))))))))))))))))))))))))))
(check-sat)

; check: SEED_EQUIVALENCE/unbounded/symbolic
; property: SEED_EQUIVALENCE
; expected: unsat (the property holds)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun mg0 () Bool)
(declare-fun q0 () Real)
(declare-fun rate.long_low_price_threshold () Real)
(declare-fun gross () Real)
(declare-fun has_positions () Bool)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
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
(declare-fun equity () Real)
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
 mg0)
(assert
 (<= 0.0 q0))
(assert
 (= 1.0 lev0))
(assert
 (= 0.0 x0))
(assert
 (<= rate.long_low_price_threshold p0))
(assert
 (<= 0.0 gross))
(assert
 (and (and true (or (not has_positions) (< 0.0 gross))) (or (not (< 0.0 gross)) has_positions)))
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
 (let ((?x578 (ite (< equity (* rate.maintenance_long_rate gross)) 2 (ite (< equity (* rate.initial_long_rate gross)) 1 0))))
(let ((?x283 (ite (>= 0.0 gross) 0 ?x578)))
(let (($x1438 (not has_positions)))
(let ((?x1461 (ite $x1438 0 ?x578)))
(let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x24 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x866 (* ?x24 ?x52)))
(let ((?x258 (* rate.short_high_rate ?x52)))
(let ((?x1296 (* rate.short_high_per_share ?x587)))
(let ((?x110 (* rate.short_low_rate ?x52)))
(let ((?x1199 (* rate.short_low_per_share ?x587)))
(let ((?x717 (ite (< p0 rate.short_price_threshold) (ite (>= ?x1199 ?x110) ?x1199 ?x110) (ite (>= ?x1296 ?x258) ?x1296 ?x258))))
(let ((?x1487 (* ?x717 lev0)))
(let ((?x879 (ite (>= ?x1487 ?x866) ?x1487 ?x866)))
(let ((?x1399 (ite (>= ?x879 ?x637) ?x879 ?x637)))
(let ((?x1419 (* rate.initial_short_rate ?x52)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x646 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x810 (* ?x646 lev0)))
(let ((?x1171 (ite (>= 1.0 ?x810) ?x810 1.0)))
(let ((?x1015 (ite mg0 (ite (>= ?x1171 ?x24) ?x1171 ?x24) rate.maintenance_nonmarginable_rate)))
(let ((?x1513 (* (ite (>= ?x1015 x0) ?x1015 x0) ?x514)))
(let ((?x389 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x1331 (* ?x389 ?x514)))
(let (($x291 (= (+ (ite (>= ?x1331 ?x1513) ?x1331 ?x1513) (ite (>= ?x1419 ?x1399) ?x1419 ?x1399)) (* rate.initial_long_rate (* q0 p0)))))
(let (($x1540 (and true (= (+ ?x1513 ?x1399) (* rate.maintenance_long_rate (* q0 p0))))))
(let (($x1549 (and (and true (and $x1540 $x291)) (= ?x1461 ?x283))))
(not $x1549))))))))))))))))))))))))))))))))
(check-sat)

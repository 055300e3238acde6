; check: PARAMETER_NECESSITY/MONOTONICITY/b_price_fall_any_number_of_positions/maintenance_long_rate<=long_low_price_rate<=1
; expected: sat (invariant dropped)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun rest_maintenance () Real)
(declare-fun rest_initial () Real)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
(declare-fun p0_after () Real)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
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
(declare-fun rate.long_low_price_rate () Real)
(declare-fun mg0 () Bool)
(declare-fun rest_equity () Real)
(assert
 (<= 0.0 rest_maintenance))
(assert
 (<= rest_maintenance rest_initial))
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
 (< 0.0 q0))
(assert
 (<= 0.0 p0_after))
(assert
 (<= p0_after p0))
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
 (let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x734 (* ?x587 p0_after)))
(let ((?x170 (* x0 ?x734)))
(let ((?x1582 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x1526 (* ?x1582 ?x734)))
(let ((?x1020 (* rate.short_high_rate ?x734)))
(let ((?x1583 (* rate.short_high_per_share ?x587)))
(let ((?x1459 (* rate.short_low_rate ?x734)))
(let ((?x1590 (* rate.short_low_per_share ?x587)))
(let ((?x1527 (ite (< p0_after rate.short_price_threshold) (ite (>= ?x1590 ?x1459) ?x1590 ?x1459) (ite (>= ?x1583 ?x1020) ?x1583 ?x1020))))
(let ((?x1011 (* ?x1527 lev0)))
(let ((?x1586 (ite (>= ?x1011 ?x1526) ?x1011 ?x1526)))
(let ((?x93 (ite (>= ?x1586 ?x170) ?x1586 ?x170)))
(let ((?x754 (* rate.initial_short_rate ?x734)))
(let ((?x777 (ite (<= 0.0 q0) q0 0.0)))
(let ((?x1610 (* ?x777 p0_after)))
(let ((?x1462 (ite (< p0_after rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x1142 (* ?x1462 lev0)))
(let ((?x657 (ite (>= 1.0 ?x1142) ?x1142 1.0)))
(let ((?x238 (ite mg0 (ite (>= ?x657 ?x1582) ?x657 ?x1582) rate.maintenance_nonmarginable_rate)))
(let ((?x1274 (* (ite (>= ?x238 x0) ?x238 x0) ?x1610)))
(let ((?x713 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x1466 (* ?x713 ?x1610)))
(let ((?x90 (+ rest_initial (+ (ite (>= ?x1466 ?x1274) ?x1466 ?x1274) (ite (>= ?x754 ?x93) ?x754 ?x93)))))
(let ((?x1609 (* q0 p0_after)))
(let ((?x711 (+ rest_equity ?x1609)))
(let ((?x538 (ite (< ?x711 (+ rest_maintenance (+ ?x1274 ?x93))) 2 (ite (< ?x711 ?x90) 1 0))))
(let (($x1578 (not true)))
(let ((?x1270 (ite $x1578 0 ?x538)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x623 (* ?x1582 ?x52)))
(let ((?x1475 (* rate.short_high_rate ?x52)))
(let ((?x1467 (* rate.short_low_rate ?x52)))
(let ((?x1209 (ite (< p0 rate.short_price_threshold) (ite (>= ?x1590 ?x1467) ?x1590 ?x1467) (ite (>= ?x1583 ?x1475) ?x1583 ?x1475))))
(let ((?x1332 (* ?x1209 lev0)))
(let ((?x883 (ite (>= ?x1332 ?x623) ?x1332 ?x623)))
(let ((?x792 (ite (>= ?x883 ?x637) ?x883 ?x637)))
(let ((?x747 (* rate.initial_short_rate ?x52)))
(let ((?x514 (* ?x777 p0)))
(let ((?x893 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x1468 (* ?x893 lev0)))
(let ((?x1478 (ite (>= 1.0 ?x1468) ?x1468 1.0)))
(let ((?x242 (ite mg0 (ite (>= ?x1478 ?x1582) ?x1478 ?x1582) rate.maintenance_nonmarginable_rate)))
(let ((?x1581 (* (ite (>= ?x242 x0) ?x242 x0) ?x514)))
(let ((?x109 (* ?x713 ?x514)))
(let ((?x1592 (+ rest_initial (+ (ite (>= ?x109 ?x1581) ?x109 ?x1581) (ite (>= ?x747 ?x792) ?x747 ?x792)))))
(let ((?x504 (* q0 p0)))
(let ((?x1189 (+ rest_equity ?x504)))
(let ((?x1277 (ite (< ?x1189 (+ rest_maintenance (+ ?x1581 ?x792))) 2 (ite (< ?x1189 ?x1592) 1 0))))
(let ((?x1169 (ite $x1578 0 ?x1277)))
(let (($x158 (<= (ite (= 2 ?x1169) 2.0 (ite (= 1 ?x1169) 1.0 0.0)) (ite (= 2 ?x1270) 2.0 (ite (= 1 ?x1270) 1.0 0.0)))))
(let (($x832 (<= (- ?x711 (+ rest_maintenance (+ ?x1274 ?x93))) (- ?x1189 (+ rest_maintenance (+ ?x1581 ?x792))))))
(let (($x1621 (and (and (and true $x832) (<= (- ?x711 ?x90) (- ?x1189 ?x1592))) $x158)))
(not $x1621)))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

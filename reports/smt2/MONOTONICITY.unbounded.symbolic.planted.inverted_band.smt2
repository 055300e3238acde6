; check: MONOTONICITY/unbounded/symbolic
; property: MONOTONICITY
; expected: sat (planted bug inverted_band)
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
 (let (($x1162 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x1162)))
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
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x205 (* ?x1180 p0_after)))
(let ((?x424 (* x0 ?x205)))
(let ((?x682 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x1150 (* ?x682 ?x205)))
(let ((?x232 (* rate.short_high_rate lev0)))
(let ((?x327 (ite (<= ?x232 rate.leveraged_short_rate_cap) ?x232 rate.leveraged_short_rate_cap)))
(let (($x267 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x1167 (ite $x267 ?x327 ?x232)))
(let ((?x239 (* ?x1167 ?x205)))
(let ((?x279 (* ?x1180 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0))))
(let ((?x60 (* rate.short_high_per_share ?x279)))
(let ((?x967 (* rate.short_low_rate lev0)))
(let ((?x504 (ite (<= ?x967 rate.leveraged_short_rate_cap) ?x967 rate.leveraged_short_rate_cap)))
(let ((?x337 (ite $x267 ?x504 ?x967)))
(let ((?x299 (* ?x337 ?x205)))
(let ((?x1139 (* rate.short_low_per_share ?x279)))
(let ((?x761 (ite (< p0_after rate.short_price_threshold) (ite (>= ?x1139 ?x299) ?x1139 ?x299) (ite (>= ?x60 ?x239) ?x60 ?x239))))
(let ((?x366 (ite (>= ?x761 ?x1150) ?x761 ?x1150)))
(let ((?x1012 (ite (>= ?x366 ?x424) ?x366 ?x424)))
(let ((?x133 (* rate.initial_short_rate ?x205)))
(let ((?x59 (ite (>= ?x133 ?x1012) ?x133 ?x1012)))
(let ((?x320 (ite (<= 0.0 q0) q0 0.0)))
(let ((?x722 (* ?x320 p0_after)))
(let ((?x170 (* (ite (> (/ 5.0 2.0) p0_after) (/ 1.0 10.0) rate.maintenance_long_rate) lev0)))
(let ((?x46 (ite (>= 1.0 ?x170) ?x170 1.0)))
(let ((?x102 (ite mg0 (ite (>= ?x46 ?x682) ?x46 ?x682) rate.maintenance_nonmarginable_rate)))
(let ((?x718 (* (ite (>= ?x102 x0) ?x102 x0) ?x722)))
(let ((?x231 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x706 (* ?x231 ?x722)))
(let ((?x44 (+ rest_initial (+ (ite (>= ?x706 ?x718) ?x706 ?x718) ?x59))))
(let ((?x559 (+ rest_equity (* q0 p0_after))))
(let ((?x672 (ite (< ?x559 (+ rest_maintenance (+ ?x718 ?x1012))) 2 (ite (< ?x559 ?x44) 1 0))))
(let (($x983 (not true)))
(let ((?x25 (ite $x983 0 ?x672)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x747 (* ?x682 ?x969)))
(let ((?x197 (ite (< p0 rate.short_price_threshold) (ite (>= ?x1139 (* ?x337 ?x969)) ?x1139 (* ?x337 ?x969)) (ite (>= ?x60 (* ?x1167 ?x969)) ?x60 (* ?x1167 ?x969)))))
(let ((?x710 (ite (>= ?x197 ?x747) ?x197 ?x747)))
(let ((?x498 (ite (>= ?x710 ?x1169) ?x710 ?x1169)))
(let ((?x302 (* rate.initial_short_rate ?x969)))
(let ((?x342 (ite (>= ?x302 ?x498) ?x302 ?x498)))
(let ((?x401 (* ?x320 p0)))
(let ((?x925 (* (ite (> (/ 5.0 2.0) p0) (/ 1.0 10.0) rate.maintenance_long_rate) lev0)))
(let ((?x67 (ite (>= 1.0 ?x925) ?x925 1.0)))
(let ((?x208 (ite mg0 (ite (>= ?x67 ?x682) ?x67 ?x682) rate.maintenance_nonmarginable_rate)))
(let ((?x676 (* (ite (>= ?x208 x0) ?x208 x0) ?x401)))
(let ((?x254 (* ?x231 ?x401)))
(let ((?x111 (+ rest_initial (+ (ite (>= ?x254 ?x676) ?x254 ?x676) ?x342))))
(let ((?x79 (+ rest_equity (* q0 p0))))
(let ((?x1179 (ite (< ?x79 (+ rest_maintenance (+ ?x676 ?x498))) 2 (ite (< ?x79 ?x111) 1 0))))
(let ((?x973 (ite $x983 0 ?x1179)))
(let (($x525 (<= (ite (= 2 ?x973) 2.0 (ite (= 1 ?x973) 1.0 0.0)) (ite (= 2 ?x25) 2.0 (ite (= 1 ?x25) 1.0 0.0)))))
(let (($x362 (<= (- ?x559 (+ rest_maintenance (+ ?x718 ?x1012))) (- ?x79 (+ rest_maintenance (+ ?x676 ?x498))))))
(let (($x633 (and (and (and true $x362) (<= (- ?x559 ?x44) (- ?x79 ?x111))) $x525)))
(not $x633)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

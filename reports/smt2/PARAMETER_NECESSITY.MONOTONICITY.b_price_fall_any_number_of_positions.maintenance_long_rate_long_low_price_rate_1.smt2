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
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
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
 (or (= 0.0 rate.leveraged_per_share_multiplied) (= 1.0 rate.leveraged_per_share_multiplied)))
(assert
 (let (($x958 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x958)))
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
(let ((?x136 (* ?x1180 p0_after)))
(let ((?x699 (* x0 ?x136)))
(let ((?x1058 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x301 (* ?x1058 ?x136)))
(let ((?x927 (* rate.short_high_rate lev0)))
(let ((?x633 (ite (<= ?x927 rate.leveraged_short_rate_cap) ?x927 rate.leveraged_short_rate_cap)))
(let (($x453 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x224 (ite $x453 ?x633 ?x927)))
(let ((?x25 (* ?x224 ?x136)))
(let ((?x446 (* ?x1180 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0))))
(let ((?x1163 (* rate.short_high_per_share ?x446)))
(let ((?x723 (* rate.short_low_rate lev0)))
(let ((?x1147 (ite (<= ?x723 rate.leveraged_short_rate_cap) ?x723 rate.leveraged_short_rate_cap)))
(let ((?x146 (ite $x453 ?x1147 ?x723)))
(let ((?x68 (* ?x146 ?x136)))
(let ((?x877 (* rate.short_low_per_share ?x446)))
(let ((?x208 (ite (< p0_after rate.short_price_threshold) (ite (>= ?x877 ?x68) ?x877 ?x68) (ite (>= ?x1163 ?x25) ?x1163 ?x25))))
(let ((?x1235 (ite (>= ?x208 ?x301) ?x208 ?x301)))
(let ((?x226 (ite (>= ?x1235 ?x699) ?x1235 ?x699)))
(let ((?x319 (* rate.initial_short_rate ?x136)))
(let ((?x320 (ite (<= 0.0 q0) q0 0.0)))
(let ((?x941 (* ?x320 p0_after)))
(let ((?x100 (ite (< p0_after rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x75 (* ?x100 lev0)))
(let ((?x1158 (ite (>= 1.0 ?x75) ?x75 1.0)))
(let ((?x514 (ite mg0 (ite (>= ?x1158 ?x1058) ?x1158 ?x1058) rate.maintenance_nonmarginable_rate)))
(let ((?x253 (* (ite (>= ?x514 x0) ?x514 x0) ?x941)))
(let ((?x934 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x1109 (* ?x934 ?x941)))
(let ((?x483 (+ rest_initial (+ (ite (>= ?x1109 ?x253) ?x1109 ?x253) (ite (>= ?x319 ?x226) ?x319 ?x226)))))
(let ((?x581 (* q0 p0_after)))
(let ((?x138 (+ rest_equity ?x581)))
(let ((?x393 (ite (< ?x138 (+ rest_maintenance (+ ?x253 ?x226))) 2 (ite (< ?x138 ?x483) 1 0))))
(let (($x665 (not true)))
(let ((?x185 (ite $x665 0 ?x393)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x580 (* ?x1058 ?x969)))
(let ((?x1286 (ite (< p0 rate.short_price_threshold) (ite (>= ?x877 (* ?x146 ?x969)) ?x877 (* ?x146 ?x969)) (ite (>= ?x1163 (* ?x224 ?x969)) ?x1163 (* ?x224 ?x969)))))
(let ((?x520 (ite (>= ?x1286 ?x580) ?x1286 ?x580)))
(let ((?x931 (ite (>= ?x520 ?x1169) ?x520 ?x1169)))
(let ((?x1096 (* rate.initial_short_rate ?x969)))
(let ((?x401 (* ?x320 p0)))
(let ((?x400 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x724 (* ?x400 lev0)))
(let ((?x501 (ite (>= 1.0 ?x724) ?x724 1.0)))
(let ((?x584 (ite mg0 (ite (>= ?x501 ?x1058) ?x501 ?x1058) rate.maintenance_nonmarginable_rate)))
(let ((?x82 (* (ite (>= ?x584 x0) ?x584 x0) ?x401)))
(let ((?x184 (* ?x934 ?x401)))
(let ((?x905 (+ rest_initial (+ (ite (>= ?x184 ?x82) ?x184 ?x82) (ite (>= ?x1096 ?x931) ?x1096 ?x931)))))
(let ((?x710 (+ rest_equity (* q0 p0))))
(let ((?x71 (ite (< ?x710 (+ rest_maintenance (+ ?x82 ?x931))) 2 (ite (< ?x710 ?x905) 1 0))))
(let ((?x747 (ite $x665 0 ?x71)))
(let (($x177 (<= (ite (= 2 ?x747) 2.0 (ite (= 1 ?x747) 1.0 0.0)) (ite (= 2 ?x185) 2.0 (ite (= 1 ?x185) 1.0 0.0)))))
(let (($x1001 (<= (- ?x138 (+ rest_maintenance (+ ?x253 ?x226))) (- ?x710 (+ rest_maintenance (+ ?x82 ?x931))))))
(let (($x683 (and (and (and true $x1001) (<= (- ?x138 ?x483) (- ?x710 ?x905))) $x177)))
(not $x683))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

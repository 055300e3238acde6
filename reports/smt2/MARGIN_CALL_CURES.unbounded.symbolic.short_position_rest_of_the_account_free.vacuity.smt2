; check: MARGIN_CALL_CURES/unbounded/symbolic/short_position_rest_of_the_account_free
; property: MARGIN_CALL_CURES
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
(declare-fun rest_maintenance () Real)
(declare-fun rest_long_value () Real)
(declare-fun rest_short_value () Real)
(declare-fun sold () Real)
(declare-fun cash () Real)
(declare-fun rate.leveraged_min_rate () Real)
(declare-fun rate.short_high_rate () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.short_high_per_share () Real)
(declare-fun rate.short_low_rate () Real)
(declare-fun rate.short_low_per_share () Real)
(declare-fun rate.short_price_threshold () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
(declare-fun mg0 () Bool)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
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
 (not (= 0.0 q0)))
(assert
 (<= 0.0 rest_maintenance))
(assert
 (<= 0.0 rest_long_value))
(assert
 (>= 0.0 rest_short_value))
(assert
 (< 0.0 sold))
(assert
 (<= sold (* q0 (- 0.0 1.0))))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x819 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
 (let ((?x901 (+ ?x819 (+ rest_short_value (- 0.0 ?x969)))))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x1261 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x975 (* ?x1261 ?x969)))
 (let ((?x1142 (* rate.short_high_rate lev0)))
 (let ((?x527 (ite (<= ?x1142 rate.leveraged_short_rate_cap) ?x1142 rate.leveraged_short_rate_cap)))
 (let (($x162 (< 0.0 rate.leveraged_short_rate_cap)))
 (let ((?x1198 (ite $x162 ?x527 ?x1142)))
 (let ((?x513 (* ?x1198 ?x969)))
 (let ((?x204 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
 (let ((?x833 (* ?x1180 ?x204)))
 (let ((?x312 (* rate.short_high_per_share ?x833)))
 (let ((?x517 (* rate.short_low_rate lev0)))
 (let ((?x1059 (ite (<= ?x517 rate.leveraged_short_rate_cap) ?x517 rate.leveraged_short_rate_cap)))
 (let ((?x1178 (ite $x162 ?x1059 ?x517)))
 (let ((?x998 (* ?x1178 ?x969)))
 (let ((?x393 (* rate.short_low_per_share ?x833)))
 (let (($x576 (< p0 rate.short_price_threshold)))
 (let ((?x820 (ite $x576 (ite (>= ?x393 ?x998) ?x393 ?x998) (ite (>= ?x312 ?x513) ?x312 ?x513))))
 (let ((?x374 (ite (>= ?x820 ?x975) ?x820 ?x975)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x807 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x551 (* ?x807 lev0)))
 (let ((?x33 (ite (>= 1.0 ?x551) ?x551 1.0)))
 (let ((?x539 (ite mg0 (ite (>= ?x33 ?x1261) ?x33 ?x1261) rate.maintenance_nonmarginable_rate)))
 (let ((?x1037 (ite (>= ?x539 x0) ?x539 x0)))
 (let ((?x1040 (+ (* ?x1037 ?x401) (ite (>= ?x374 ?x1169) ?x374 ?x1169))))
 (let ((?x662 (+ rest_maintenance ?x1040)))
 (let ((?x1108 (- ?x662 ?x901)))
 (let ((?x904 (ite (<= 0.0 ?x1108) ?x1108 0.0)))
 (< 0.0 ?x904))))))))))))))))))))))))))))))))))))
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
 (let (($x5 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x5)))
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
(check-sat)

; check: MARGIN_CALL_CURES/unbounded/symbolic/long_position_rest_of_the_account_free
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
 (< 0.0 q0))
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
 (<= sold (* q0 1.0)))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x819 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
 (let ((?x901 (+ ?x819 (+ rest_short_value (- 0.0 ?x969)))))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x940 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x224 (* ?x940 ?x969)))
 (let ((?x851 (* rate.short_high_rate lev0)))
 (let ((?x1132 (ite (<= ?x851 rate.leveraged_short_rate_cap) ?x851 rate.leveraged_short_rate_cap)))
 (let (($x750 (< 0.0 rate.leveraged_short_rate_cap)))
 (let ((?x1096 (ite $x750 ?x1132 ?x851)))
 (let ((?x204 (* ?x1096 ?x969)))
 (let ((?x1022 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
 (let ((?x345 (* ?x1180 ?x1022)))
 (let ((?x852 (* rate.short_high_per_share ?x345)))
 (let ((?x54 (* rate.short_low_rate lev0)))
 (let ((?x121 (ite (<= ?x54 rate.leveraged_short_rate_cap) ?x54 rate.leveraged_short_rate_cap)))
 (let ((?x1188 (ite $x750 ?x121 ?x54)))
 (let ((?x1439 (* ?x1188 ?x969)))
 (let ((?x879 (* rate.short_low_per_share ?x345)))
 (let (($x588 (< p0 rate.short_price_threshold)))
 (let ((?x20 (ite $x588 (ite (>= ?x879 ?x1439) ?x879 ?x1439) (ite (>= ?x852 ?x204) ?x852 ?x204))))
 (let ((?x1337 (ite (>= ?x20 ?x224) ?x20 ?x224)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1364 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x103 (* ?x1364 lev0)))
 (let ((?x1062 (ite (>= 1.0 ?x103) ?x103 1.0)))
 (let ((?x859 (ite mg0 (ite (>= ?x1062 ?x940) ?x1062 ?x940) rate.maintenance_nonmarginable_rate)))
 (let ((?x1161 (ite (>= ?x859 x0) ?x859 x0)))
 (let ((?x100 (+ (* ?x1161 ?x401) (ite (>= ?x1337 ?x1169) ?x1337 ?x1169))))
 (let ((?x1040 (+ rest_maintenance ?x100)))
 (let ((?x818 (- ?x1040 ?x901)))
 (let ((?x941 (ite (<= 0.0 ?x818) ?x818 0.0)))
 (< 0.0 ?x941))))))))))))))))))))))))))))))))))))
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
 (let (($x130 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x130)))
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

; check: MONOTONICITY/position/symbolic/a_quantity_long
; property: MONOTONICITY
; expected: sat (planted bug volume_discount)
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
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
(declare-fun q_more () Real)
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
 (< 0.0 q0))
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
 (let ((?x758 (ite (or (< 10000.0 q_more) (> (- 10000.0) q_more)) (/ 4.0 5.0) 1.0)))
(let ((?x1161 (- 0.0 q_more)))
(let ((?x312 (ite (<= 0.0 ?x1161) ?x1161 0.0)))
(let ((?x169 (* ?x312 p0)))
(let ((?x582 (* x0 ?x169)))
(let ((?x1188 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x285 (* ?x1188 ?x169)))
(let ((?x1212 (* rate.short_high_rate ?x169)))
(let ((?x743 (* rate.short_high_per_share ?x312)))
(let ((?x167 (* rate.short_low_rate ?x169)))
(let ((?x19 (* rate.short_low_per_share ?x312)))
(let (($x1189 (< p0 rate.short_price_threshold)))
(let ((?x561 (ite $x1189 (ite (>= ?x19 ?x167) ?x19 ?x167) (ite (>= ?x743 ?x1212) ?x743 ?x1212))))
(let ((?x254 (* ?x561 lev0)))
(let ((?x1232 (ite (>= ?x254 ?x285) ?x254 ?x285)))
(let ((?x556 (ite (>= ?x1232 ?x582) ?x1232 ?x582)))
(let ((?x849 (* rate.initial_short_rate ?x169)))
(let ((?x471 (* (ite (<= 0.0 q_more) q_more 0.0) p0)))
(let ((?x124 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x40 (* ?x124 lev0)))
(let ((?x644 (ite (>= 1.0 ?x40) ?x40 1.0)))
(let ((?x516 (ite mg0 (ite (>= ?x644 ?x1188) ?x644 ?x1188) rate.maintenance_nonmarginable_rate)))
(let ((?x1172 (ite (>= ?x516 x0) ?x516 x0)))
(let ((?x95 (* ?x1172 ?x471)))
(let ((?x509 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x521 (* ?x509 ?x471)))
(let ((?x1225 (+ (ite (>= ?x521 ?x95) ?x521 ?x95) (ite (>= ?x849 ?x556) ?x849 ?x556))))
(let ((?x308 (ite (or (< 10000.0 q0) (> (- 10000.0) q0)) (/ 4.0 5.0) 1.0)))
(let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x55 (* ?x1188 ?x52)))
(let ((?x877 (* rate.short_high_rate ?x52)))
(let ((?x721 (* rate.short_high_per_share ?x587)))
(let ((?x307 (* rate.short_low_rate ?x52)))
(let ((?x445 (* rate.short_low_per_share ?x587)))
(let ((?x327 (ite $x1189 (ite (>= ?x445 ?x307) ?x445 ?x307) (ite (>= ?x721 ?x877) ?x721 ?x877))))
(let ((?x74 (* ?x327 lev0)))
(let ((?x661 (ite (>= ?x74 ?x55) ?x74 ?x55)))
(let ((?x953 (ite (>= ?x661 ?x637) ?x661 ?x637)))
(let ((?x6 (* rate.initial_short_rate ?x52)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x1184 (* ?x1172 ?x514)))
(let ((?x1235 (* ?x509 ?x514)))
(let ((?x540 (+ (ite (>= ?x1235 ?x1184) ?x1235 ?x1184) (ite (>= ?x6 ?x953) ?x6 ?x953))))
(let (($x459 (and (and true (<= (* (+ ?x1184 ?x953) ?x308) (* (+ ?x95 ?x556) ?x758))) (<= (* ?x540 ?x308) (* ?x1225 ?x758)))))
(let (($x94 (or (or false (and (and true (<= 0.0 q0)) (<= q0 q_more))) (and (and true (<= q_more q0)) (>= 0.0 q0)))))
(let (($x25 (not $x94)))
(let (($x887 (or $x25 $x459)))
(not $x887))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

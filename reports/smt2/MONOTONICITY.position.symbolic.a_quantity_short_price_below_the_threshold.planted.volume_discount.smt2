; check: MONOTONICITY/position/symbolic/a_quantity_short_price_below_the_threshold
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
(declare-fun rate.short_price_threshold () Real)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
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
 (> 0.0 q0))
(assert
 (< p0 rate.short_price_threshold))
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
 (let ((?x563 (ite (or (< 10000.0 q_more) (> (- 10000.0) q_more)) (/ 4.0 5.0) 1.0)))
(let ((?x975 (- 0.0 q_more)))
(let ((?x607 (ite (<= 0.0 ?x975) ?x975 0.0)))
(let ((?x1001 (* ?x607 p0)))
(let ((?x549 (* x0 ?x1001)))
(let ((?x682 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x1039 (* ?x682 ?x1001)))
(let ((?x232 (* rate.short_high_rate lev0)))
(let ((?x327 (ite (<= ?x232 rate.leveraged_short_rate_cap) ?x232 rate.leveraged_short_rate_cap)))
(let (($x267 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x1167 (ite $x267 ?x327 ?x232)))
(let ((?x1193 (* ?x1167 ?x1001)))
(let ((?x206 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
(let ((?x961 (* ?x607 ?x206)))
(let ((?x13 (* rate.short_high_per_share ?x961)))
(let ((?x967 (* rate.short_low_rate lev0)))
(let ((?x504 (ite (<= ?x967 rate.leveraged_short_rate_cap) ?x967 rate.leveraged_short_rate_cap)))
(let ((?x337 (ite $x267 ?x504 ?x967)))
(let ((?x928 (* ?x337 ?x1001)))
(let ((?x491 (* rate.short_low_per_share ?x961)))
(let (($x251 (< p0 rate.short_price_threshold)))
(let ((?x14 (ite $x251 (ite (>= ?x491 ?x928) ?x491 ?x928) (ite (>= ?x13 ?x1193) ?x13 ?x1193))))
(let ((?x1089 (ite (>= ?x14 ?x1039) ?x14 ?x1039)))
(let ((?x499 (ite (>= ?x1089 ?x549) ?x1089 ?x549)))
(let ((?x926 (* rate.initial_short_rate ?x1001)))
(let ((?x489 (* (ite (<= 0.0 q_more) q_more 0.0) p0)))
(let ((?x20 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x433 (* ?x20 lev0)))
(let ((?x147 (ite (>= 1.0 ?x433) ?x433 1.0)))
(let ((?x403 (ite mg0 (ite (>= ?x147 ?x682) ?x147 ?x682) rate.maintenance_nonmarginable_rate)))
(let ((?x558 (ite (>= ?x403 x0) ?x403 x0)))
(let ((?x651 (* ?x558 ?x489)))
(let ((?x231 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x467 (* ?x231 ?x489)))
(let ((?x173 (+ (ite (>= ?x467 ?x651) ?x467 ?x651) (ite (>= ?x926 ?x499) ?x926 ?x499))))
(let ((?x746 (ite (or (< 10000.0 q0) (> (- 10000.0) q0)) (/ 4.0 5.0) 1.0)))
(let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x747 (* ?x682 ?x969)))
(let ((?x71 (* ?x1167 ?x969)))
(let ((?x279 (* ?x1180 ?x206)))
(let ((?x60 (* rate.short_high_per_share ?x279)))
(let ((?x84 (* ?x337 ?x969)))
(let ((?x1139 (* rate.short_low_per_share ?x279)))
(let ((?x197 (ite $x251 (ite (>= ?x1139 ?x84) ?x1139 ?x84) (ite (>= ?x60 ?x71) ?x60 ?x71))))
(let ((?x710 (ite (>= ?x197 ?x747) ?x197 ?x747)))
(let ((?x498 (ite (>= ?x710 ?x1169) ?x710 ?x1169)))
(let ((?x302 (* rate.initial_short_rate ?x969)))
(let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x188 (* ?x558 ?x401)))
(let ((?x254 (* ?x231 ?x401)))
(let ((?x294 (+ (ite (>= ?x254 ?x188) ?x254 ?x188) (ite (>= ?x302 ?x498) ?x302 ?x498))))
(let (($x589 (and (and true (<= (* (+ ?x188 ?x498) ?x746) (* (+ ?x651 ?x499) ?x563))) (<= (* ?x294 ?x746) (* ?x173 ?x563)))))
(let (($x1009 (or (or false (and (and true (<= 0.0 q0)) (<= q0 q_more))) (and (and true (<= q_more q0)) (>= 0.0 q0)))))
(let (($x1190 (not $x1009)))
(let (($x106 (or $x1190 $x589)))
(not $x106))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

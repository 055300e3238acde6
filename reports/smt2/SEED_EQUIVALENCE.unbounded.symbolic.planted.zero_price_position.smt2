; check: SEED_EQUIVALENCE/unbounded/symbolic
; property: SEED_EQUIVALENCE
; expected: sat (planted bug zero_price_position)
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
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
(declare-fun equity () Real)
(declare-fun has_positions () Bool)
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
 (let (($x1424 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x1424)))
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
 (let ((?x1017 (ite (< equity (* rate.maintenance_long_rate gross)) 2 (ite (< equity (* rate.initial_long_rate gross)) 1 0))))
(let ((?x312 (ite (>= 0.0 gross) 0 ?x1017)))
(let (($x651 (not has_positions)))
(let ((?x1069 (ite $x651 0 ?x1017)))
(let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x99 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x14 (* ?x99 ?x969)))
(let ((?x160 (* rate.short_high_rate lev0)))
(let ((?x94 (ite (<= ?x160 rate.leveraged_short_rate_cap) ?x160 rate.leveraged_short_rate_cap)))
(let (($x289 (< 0.0 rate.leveraged_short_rate_cap)))
(let ((?x1091 (* (ite $x289 ?x94 ?x160) ?x969)))
(let ((?x287 (* ?x1180 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0))))
(let ((?x722 (* rate.short_high_per_share ?x287)))
(let ((?x1370 (* rate.short_low_rate lev0)))
(let ((?x203 (ite (<= ?x1370 rate.leveraged_short_rate_cap) ?x1370 rate.leveraged_short_rate_cap)))
(let ((?x92 (* (ite $x289 ?x203 ?x1370) ?x969)))
(let ((?x1191 (* rate.short_low_per_share ?x287)))
(let ((?x398 (ite (< p0 rate.short_price_threshold) (ite (>= ?x1191 ?x92) ?x1191 ?x92) (ite (>= ?x722 ?x1091) ?x722 ?x1091))))
(let ((?x268 (ite (>= ?x398 ?x14) ?x398 ?x14)))
(let ((?x218 (ite (>= ?x268 ?x1169) ?x268 ?x1169)))
(let ((?x1003 (* rate.initial_short_rate ?x969)))
(let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x166 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x232 (* ?x166 lev0)))
(let ((?x1011 (ite (>= 1.0 ?x232) ?x232 1.0)))
(let ((?x339 (ite mg0 (ite (>= ?x1011 ?x99) ?x1011 ?x99) rate.maintenance_nonmarginable_rate)))
(let ((?x1318 (* (ite (>= ?x339 x0) ?x339 x0) ?x401)))
(let ((?x572 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x216 (* ?x572 ?x401)))
(let (($x1031 (= (+ (ite (>= ?x216 ?x1318) ?x216 ?x1318) (ite (>= ?x1003 ?x218) ?x1003 ?x218)) (* rate.initial_long_rate (* q0 p0)))))
(let (($x1196 (and true (= (+ ?x1318 ?x218) (* rate.maintenance_long_rate (* q0 p0))))))
(let (($x679 (and true (and $x1196 $x1031))))
(let (($x467 (and $x679 (= ?x1069 ?x312))))
(not $x467))))))))))))))))))))))))))))))))))))))
(check-sat)

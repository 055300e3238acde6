; check: BUYING_POWER_SAFETY/unbounded/symbolic/a_sell_short_price_at_or_above_the_threshold_charge_equity_-_initial
; property: BUYING_POWER_SAFETY
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun maintenance () Real)
(declare-fun initial () Real)
(declare-fun long_market_value () Real)
(declare-fun short_market_value () Real)
(declare-fun has_positions () Bool)
(declare-fun has_shorts () Bool)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun order_qty () Real)
(declare-fun rate.short_price_threshold () Real)
(declare-fun q0 () Real)
(declare-fun rate.leveraged_min_rate () Real)
(declare-fun rate.short_high_rate () Real)
(declare-fun rate.leveraged_short_rate_cap () Real)
(declare-fun rate.leveraged_per_share_multiplied () Real)
(declare-fun rate.short_high_per_share () Real)
(declare-fun rate.short_low_rate () Real)
(declare-fun rate.short_low_per_share () Real)
(declare-fun rate.maintenance_nonmarginable_rate () Real)
(declare-fun rate.maintenance_long_rate () Real)
(declare-fun rate.long_low_price_rate () Real)
(declare-fun rate.long_low_price_threshold () Real)
(declare-fun mg0 () Bool)
(declare-fun rate.initial_short_rate () Real)
(declare-fun rate.initial_nonmarginable_rate () Real)
(declare-fun rate.initial_long_rate () Real)
(declare-fun rate.minimum_equity () Real)
(declare-fun rate.overnight_multiplier () Real)
(declare-fun rate.day_trading_multiplier () Real)
(declare-fun rate.pattern_day_trader_minimum_equity () Real)
(declare-fun rate.intraday_multiplier () Real)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x403 (= 0.0 short_market_value)))
 (let (($x975 (and (and (and true (= 0.0 long_market_value)) $x403) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x975 (= 0.0 initial))))))
(assert
 (let (($x1263 (not has_shorts)))
 (or $x1263 has_positions)))
(assert
 (let (($x403 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x403)))
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
 (> 0.0 order_qty))
(assert
 (< 0.0 p0))
(assert
 (<= rate.short_price_threshold p0))
(assert
 (or (or false (= 0.0 q0)) (< 0.0 (* q0 order_qty))))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x904 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1120 (* ?x904 ?x969)))
 (let ((?x199 (* rate.short_high_rate lev0)))
 (let ((?x690 (ite (<= ?x199 rate.leveraged_short_rate_cap) ?x199 rate.leveraged_short_rate_cap)))
 (let (($x444 (< 0.0 rate.leveraged_short_rate_cap)))
 (let ((?x1262 (ite $x444 ?x690 ?x199)))
 (let ((?x268 (* ?x1262 ?x969)))
 (let ((?x273 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
 (let ((?x676 (* ?x1180 ?x273)))
 (let ((?x14 (* rate.short_high_per_share ?x676)))
 (let ((?x1196 (* rate.short_low_rate lev0)))
 (let ((?x1019 (ite (<= ?x1196 rate.leveraged_short_rate_cap) ?x1196 rate.leveraged_short_rate_cap)))
 (let ((?x302 (ite $x444 ?x1019 ?x1196)))
 (let ((?x551 (* ?x302 ?x969)))
 (let ((?x662 (* rate.short_low_per_share ?x676)))
 (let (($x986 (< p0 rate.short_price_threshold)))
 (let ((?x714 (ite $x986 (ite (>= ?x662 ?x551) ?x662 ?x551) (ite (>= ?x14 ?x268) ?x14 ?x268))))
 (let ((?x640 (ite (>= ?x714 ?x1120) ?x714 ?x1120)))
 (let ((?x998 (ite (>= ?x640 ?x1169) ?x640 ?x1169)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1206 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x359 (* ?x1206 lev0)))
 (let ((?x191 (ite (>= 1.0 ?x359) ?x359 1.0)))
 (let ((?x280 (ite mg0 (ite (>= ?x191 ?x904) ?x191 ?x904) rate.maintenance_nonmarginable_rate)))
 (let ((?x134 (ite (>= ?x280 x0) ?x280 x0)))
 (let ((?x684 (* ?x134 ?x401)))
 (<= (+ ?x684 ?x998) maintenance))))))))))))))))))))))))))))))))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x904 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1120 (* ?x904 ?x969)))
 (let ((?x199 (* rate.short_high_rate lev0)))
 (let ((?x690 (ite (<= ?x199 rate.leveraged_short_rate_cap) ?x199 rate.leveraged_short_rate_cap)))
 (let (($x444 (< 0.0 rate.leveraged_short_rate_cap)))
 (let ((?x1262 (ite $x444 ?x690 ?x199)))
 (let ((?x268 (* ?x1262 ?x969)))
 (let ((?x273 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
 (let ((?x676 (* ?x1180 ?x273)))
 (let ((?x14 (* rate.short_high_per_share ?x676)))
 (let ((?x1196 (* rate.short_low_rate lev0)))
 (let ((?x1019 (ite (<= ?x1196 rate.leveraged_short_rate_cap) ?x1196 rate.leveraged_short_rate_cap)))
 (let ((?x302 (ite $x444 ?x1019 ?x1196)))
 (let ((?x551 (* ?x302 ?x969)))
 (let ((?x662 (* rate.short_low_per_share ?x676)))
 (let (($x986 (< p0 rate.short_price_threshold)))
 (let ((?x714 (ite $x986 (ite (>= ?x662 ?x551) ?x662 ?x551) (ite (>= ?x14 ?x268) ?x14 ?x268))))
 (let ((?x640 (ite (>= ?x714 ?x1120) ?x714 ?x1120)))
 (let ((?x998 (ite (>= ?x640 ?x1169) ?x640 ?x1169)))
 (let ((?x1126 (* rate.initial_short_rate ?x969)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1206 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x359 (* ?x1206 lev0)))
 (let ((?x191 (ite (>= 1.0 ?x359) ?x359 1.0)))
 (let ((?x280 (ite mg0 (ite (>= ?x191 ?x904) ?x191 ?x904) rate.maintenance_nonmarginable_rate)))
 (let ((?x134 (ite (>= ?x280 x0) ?x280 x0)))
 (let ((?x684 (* ?x134 ?x401)))
 (let ((?x439 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
 (let ((?x1098 (* ?x439 ?x401)))
 (let ((?x374 (+ (ite (>= ?x1098 ?x684) ?x1098 ?x684) (ite (>= ?x1126 ?x998) ?x1126 ?x998))))
 (<= ?x374 initial))))))))))))))))))))))))))))))))))))
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
 (let (($x833 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x833)))
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

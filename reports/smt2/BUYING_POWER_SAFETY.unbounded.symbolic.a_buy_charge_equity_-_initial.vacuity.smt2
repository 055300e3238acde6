; check: BUYING_POWER_SAFETY/unbounded/symbolic/a_buy_charge_equity_-_initial
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
(declare-fun q0 () Real)
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
 (< 0.0 order_qty))
(assert
 (< 0.0 p0))
(assert
 (or (or false (= 0.0 q0)) (< 0.0 (* q0 order_qty))))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x1039 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1075 (* ?x1039 ?x969)))
 (let ((?x762 (* rate.short_high_rate lev0)))
 (let ((?x572 (ite (<= ?x762 rate.leveraged_short_rate_cap) ?x762 rate.leveraged_short_rate_cap)))
 (let (($x1049 (< 0.0 rate.leveraged_short_rate_cap)))
 (let ((?x102 (ite $x1049 ?x572 ?x762)))
 (let ((?x679 (* ?x102 ?x969)))
 (let ((?x427 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
 (let ((?x1440 (* ?x1180 ?x427)))
 (let ((?x372 (* rate.short_high_per_share ?x1440)))
 (let ((?x384 (* rate.short_low_rate lev0)))
 (let ((?x1108 (ite (<= ?x384 rate.leveraged_short_rate_cap) ?x384 rate.leveraged_short_rate_cap)))
 (let ((?x667 (ite $x1049 ?x1108 ?x384)))
 (let ((?x385 (* ?x667 ?x969)))
 (let ((?x1054 (* rate.short_low_per_share ?x1440)))
 (let (($x748 (< p0 rate.short_price_threshold)))
 (let ((?x1100 (ite $x748 (ite (>= ?x1054 ?x385) ?x1054 ?x385) (ite (>= ?x372 ?x679) ?x372 ?x679))))
 (let ((?x395 (ite (>= ?x1100 ?x1075) ?x1100 ?x1075)))
 (let ((?x643 (ite (>= ?x395 ?x1169) ?x395 ?x1169)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x543 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x287 (* ?x543 lev0)))
 (let ((?x852 (ite (>= 1.0 ?x287) ?x287 1.0)))
 (let ((?x91 (ite mg0 (ite (>= ?x852 ?x1039) ?x852 ?x1039) rate.maintenance_nonmarginable_rate)))
 (let ((?x842 (ite (>= ?x91 x0) ?x91 x0)))
 (let ((?x86 (* ?x842 ?x401)))
 (<= (+ ?x86 ?x643) maintenance))))))))))))))))))))))))))))))))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x1039 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
 (let ((?x1075 (* ?x1039 ?x969)))
 (let ((?x762 (* rate.short_high_rate lev0)))
 (let ((?x572 (ite (<= ?x762 rate.leveraged_short_rate_cap) ?x762 rate.leveraged_short_rate_cap)))
 (let (($x1049 (< 0.0 rate.leveraged_short_rate_cap)))
 (let ((?x102 (ite $x1049 ?x572 ?x762)))
 (let ((?x679 (* ?x102 ?x969)))
 (let ((?x427 (ite (< 0.0 rate.leveraged_per_share_multiplied) lev0 1.0)))
 (let ((?x1440 (* ?x1180 ?x427)))
 (let ((?x372 (* rate.short_high_per_share ?x1440)))
 (let ((?x384 (* rate.short_low_rate lev0)))
 (let ((?x1108 (ite (<= ?x384 rate.leveraged_short_rate_cap) ?x384 rate.leveraged_short_rate_cap)))
 (let ((?x667 (ite $x1049 ?x1108 ?x384)))
 (let ((?x385 (* ?x667 ?x969)))
 (let ((?x1054 (* rate.short_low_per_share ?x1440)))
 (let (($x748 (< p0 rate.short_price_threshold)))
 (let ((?x1100 (ite $x748 (ite (>= ?x1054 ?x385) ?x1054 ?x385) (ite (>= ?x372 ?x679) ?x372 ?x679))))
 (let ((?x395 (ite (>= ?x1100 ?x1075) ?x1100 ?x1075)))
 (let ((?x643 (ite (>= ?x395 ?x1169) ?x395 ?x1169)))
 (let ((?x289 (* rate.initial_short_rate ?x969)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x543 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
 (let ((?x287 (* ?x543 lev0)))
 (let ((?x852 (ite (>= 1.0 ?x287) ?x287 1.0)))
 (let ((?x91 (ite mg0 (ite (>= ?x852 ?x1039) ?x852 ?x1039) rate.maintenance_nonmarginable_rate)))
 (let ((?x842 (ite (>= ?x91 x0) ?x91 x0)))
 (let ((?x86 (* ?x842 ?x401)))
 (let ((?x1373 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
 (let ((?x730 (* ?x1373 ?x401)))
 (let ((?x129 (+ (ite (>= ?x730 ?x86) ?x730 ?x86) (ite (>= ?x289 ?x643) ?x289 ?x643))))
 (<= ?x129 initial))))))))))))))))))))))))))))))))))))
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
 (let (($x466 (and (<= rate.short_low_rate rate.leveraged_short_rate_cap) (<= rate.short_high_rate rate.leveraged_short_rate_cap))))
 (or (= 0.0 rate.leveraged_short_rate_cap) $x466)))
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

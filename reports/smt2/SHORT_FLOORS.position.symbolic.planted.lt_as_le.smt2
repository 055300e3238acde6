; check: SHORT_FLOORS/position/symbolic
; property: SHORT_FLOORS
; expected: sat (planted bug lt_as_le)
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
 (let ((?x722 (- 0.0 q0)))
(let ((?x903 (* ?x722 p0)))
(let ((?x1206 (* rate.short_high_rate ?x903)))
(let ((?x644 (* rate.short_high_per_share ?x722)))
(let ((?x94 (* rate.short_low_rate ?x903)))
(let ((?x285 (* rate.short_low_per_share ?x722)))
(let (($x417 (< p0 rate.short_price_threshold)))
(let ((?x387 (ite $x417 (ite (>= ?x285 ?x94) ?x285 ?x94) (ite (>= ?x644 ?x1206) ?x644 ?x1206))))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let (($x111 (<= 1.0 lev0)))
(let ((?x169 (ite $x111 rate.leveraged_min_rate 0.0)))
(let ((?x161 (* ?x169 ?x52)))
(let ((?x112 (* rate.short_high_rate ?x52)))
(let ((?x474 (* rate.short_high_per_share ?x587)))
(let ((?x621 (ite (>= ?x474 ?x112) ?x474 ?x112)))
(let ((?x666 (* rate.short_low_rate ?x52)))
(let ((?x599 (* rate.short_low_per_share ?x587)))
(let ((?x34 (ite (>= ?x599 ?x666) ?x599 ?x666)))
(let ((?x847 (* (ite (<= p0 rate.short_price_threshold) ?x34 ?x621) lev0)))
(let ((?x88 (ite (>= ?x847 ?x161) ?x847 ?x161)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x645 (ite (<= p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x339 (* ?x645 lev0)))
(let ((?x31 (ite (>= 1.0 ?x339) ?x339 1.0)))
(let ((?x1149 (ite mg0 (ite (>= ?x31 ?x169) ?x31 ?x169) rate.maintenance_nonmarginable_rate)))
(let ((?x671 (+ (* (ite (>= ?x1149 x0) ?x1149 x0) ?x514) (ite (>= ?x88 ?x637) ?x88 ?x637))))
(let (($x7 (not (and (and true (= 1.0 lev0)) (= 0.0 x0)))))
(let (($x618 (not $x417)))
(let (($x455 (not $x618)))
(let (($x686 (and true (or $x618 (and (and true (<= ?x285 ?x671)) (<= ?x94 ?x671))))))
(let (($x416 (and $x686 (or $x455 (and (and true (<= ?x644 ?x671)) (<= ?x1206 ?x671))))))
(let (($x71 (and $x416 (or $x7 (= ?x671 ?x387)))))
(not $x71))))))))))))))))))))))))))))))))))))
(check-sat)

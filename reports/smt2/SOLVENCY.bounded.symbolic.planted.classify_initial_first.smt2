; check: SOLVENCY/bounded/symbolic
; property: SOLVENCY
; expected: sat (planted bug classify_initial_first)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun p1 () Real)
(declare-fun lev1 () Real)
(declare-fun x1 () Real)
(declare-fun p2 () Real)
(declare-fun lev2 () Real)
(declare-fun x2 () Real)
(declare-fun q1 () Real)
(declare-fun q2 () Real)
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
(declare-fun mg2 () Bool)
(declare-fun mg1 () Bool)
(declare-fun q0 () Real)
(declare-fun mg0 () Bool)
(declare-fun cash () Real)
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
 (<= 0.0 p1))
(assert
 (<= 1.0 lev1))
(assert
 (>= 10.0 lev1))
(assert
 (<= 0.0 x1))
(assert
 (>= 1.0 x1))
(assert
 (<= 0.0 p2))
(assert
 (<= 1.0 lev2))
(assert
 (>= 10.0 lev2))
(assert
 (<= 0.0 x2))
(assert
 (>= 1.0 x2))
(assert
 (= 0.0 q1))
(assert
 (= 0.0 q2))
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
 (let ((?x37 (- 0.0 q2)))
(let ((?x165 (ite (<= 0.0 ?x37) ?x37 0.0)))
(let ((?x52 (* ?x165 p2)))
(let ((?x202 (* x2 ?x52)))
(let ((?x8 (ite (< 1.0 lev2) rate.leveraged_min_rate 0.0)))
(let ((?x11 (* ?x8 ?x52)))
(let ((?x61 (* rate.short_high_rate ?x52)))
(let ((?x149 (* rate.short_high_per_share ?x165)))
(let ((?x155 (* rate.short_low_rate ?x52)))
(let ((?x81 (* rate.short_low_per_share ?x165)))
(let ((?x126 (ite (< p2 rate.short_price_threshold) (ite (>= ?x81 ?x155) ?x81 ?x155) (ite (>= ?x149 ?x61) ?x149 ?x61))))
(let ((?x317 (* ?x126 lev2)))
(let ((?x440 (ite (>= ?x317 ?x11) ?x317 ?x11)))
(let ((?x270 (ite (>= ?x440 ?x202) ?x440 ?x202)))
(let ((?x261 (* (ite (<= 0.0 q2) q2 0.0) p2)))
(let ((?x113 (ite (< p2 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x127 (* ?x113 lev2)))
(let ((?x102 (ite (>= 1.0 ?x127) ?x127 1.0)))
(let ((?x49 (ite mg2 (ite (>= ?x102 ?x8) ?x102 ?x8) rate.maintenance_nonmarginable_rate)))
(let ((?x86 (* (ite (>= ?x49 x2) ?x49 x2) ?x261)))
(let ((?x225 (+ ?x86 ?x270)))
(let ((?x381 (- 0.0 q1)))
(let ((?x412 (ite (<= 0.0 ?x381) ?x381 0.0)))
(let ((?x406 (* ?x412 p1)))
(let ((?x306 (* x1 ?x406)))
(let ((?x59 (ite (< 1.0 lev1) rate.leveraged_min_rate 0.0)))
(let ((?x320 (* ?x59 ?x406)))
(let ((?x393 (* rate.short_high_rate ?x406)))
(let ((?x409 (* rate.short_high_per_share ?x412)))
(let ((?x56 (* rate.short_low_rate ?x406)))
(let ((?x257 (* rate.short_low_per_share ?x412)))
(let ((?x92 (ite (< p1 rate.short_price_threshold) (ite (>= ?x257 ?x56) ?x257 ?x56) (ite (>= ?x409 ?x393) ?x409 ?x393))))
(let ((?x10 (* ?x92 lev1)))
(let ((?x326 (ite (>= ?x10 ?x320) ?x10 ?x320)))
(let ((?x175 (ite (>= ?x326 ?x306) ?x326 ?x306)))
(let ((?x87 (* (ite (<= 0.0 q1) q1 0.0) p1)))
(let ((?x203 (ite (< p1 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x331 (* ?x203 lev1)))
(let ((?x139 (ite (>= 1.0 ?x331) ?x331 1.0)))
(let ((?x378 (ite mg1 (ite (>= ?x139 ?x59) ?x139 ?x59) rate.maintenance_nonmarginable_rate)))
(let ((?x24 (* (ite (>= ?x378 x1) ?x378 x1) ?x87)))
(let ((?x47 (+ ?x24 ?x175)))
(let ((?x26 (- 0.0 q0)))
(let ((?x219 (ite (<= 0.0 ?x26) ?x26 0.0)))
(let ((?x337 (* ?x219 p0)))
(let ((?x227 (* x0 ?x337)))
(let ((?x172 (ite (< 1.0 lev0) rate.leveraged_min_rate 0.0)))
(let ((?x89 (* ?x172 ?x337)))
(let ((?x110 (* rate.short_high_rate ?x337)))
(let ((?x58 (* rate.short_high_per_share ?x219)))
(let ((?x187 (* rate.short_low_rate ?x337)))
(let ((?x153 (* rate.short_low_per_share ?x219)))
(let ((?x319 (ite (< p0 rate.short_price_threshold) (ite (>= ?x153 ?x187) ?x153 ?x187) (ite (>= ?x58 ?x110) ?x58 ?x110))))
(let ((?x69 (* ?x319 lev0)))
(let ((?x12 (ite (>= ?x69 ?x89) ?x69 ?x89)))
(let ((?x44 (ite (>= ?x12 ?x227) ?x12 ?x227)))
(let ((?x196 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x109 (ite (< p0 rate.long_low_price_threshold) rate.long_low_price_rate rate.maintenance_long_rate)))
(let ((?x300 (* ?x109 lev0)))
(let ((?x351 (ite (>= 1.0 ?x300) ?x300 1.0)))
(let ((?x262 (ite mg0 (ite (>= ?x351 ?x172) ?x351 ?x172) rate.maintenance_nonmarginable_rate)))
(let ((?x216 (* (ite (>= ?x262 x0) ?x262 x0) ?x196)))
(let ((?x285 (+ ?x216 ?x44)))
(let ((?x75 (+ (+ (+ 0.0 ?x285) ?x47) ?x225)))
(let ((?x189 (+ (+ cash (+ (+ (+ 0.0 ?x196) ?x87) ?x261)) (+ (+ (+ 0.0 (- 0.0 ?x337)) (- 0.0 ?x406)) (- 0.0 ?x52)))))
(let (($x401 (< ?x189 ?x75)))
(let ((?x72 (* rate.initial_short_rate ?x52)))
(let ((?x114 (ite mg2 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x160 (* ?x114 ?x261)))
(let ((?x278 (+ (ite (>= ?x160 ?x86) ?x160 ?x86) (ite (>= ?x72 ?x270) ?x72 ?x270))))
(let ((?x190 (* rate.initial_short_rate ?x406)))
(let ((?x425 (ite mg1 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x419 (* ?x425 ?x87)))
(let ((?x259 (+ (ite (>= ?x419 ?x24) ?x419 ?x24) (ite (>= ?x190 ?x175) ?x190 ?x175))))
(let ((?x150 (* rate.initial_short_rate ?x337)))
(let ((?x253 (ite mg0 rate.initial_long_rate rate.initial_nonmarginable_rate)))
(let ((?x244 (* ?x253 ?x196)))
(let ((?x170 (+ (ite (>= ?x244 ?x216) ?x244 ?x216) (ite (>= ?x150 ?x44) ?x150 ?x44))))
(let ((?x73 (+ (+ (+ 0.0 ?x170) ?x259) ?x278)))
(let (($x198 (< ?x189 ?x73)))
(let (($x239 (or (or (or false (not (= 0.0 q0))) (not (= 0.0 q1))) (not (= 0.0 q2)))))
(let (($x188 (not $x239)))
(let ((?x661 (ite $x188 0 (ite $x198 1 (ite $x401 2 0)))))
(let (($x662 (= 2 ?x661)))
(let (($x192 (not $x401)))
(let (($x668 (or $x188 (and (and true (or (not $x662) $x401)) (or $x192 $x662)))))
(not $x668))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

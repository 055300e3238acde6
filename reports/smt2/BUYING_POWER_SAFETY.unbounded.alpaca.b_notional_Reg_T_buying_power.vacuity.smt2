; check: BUYING_POWER_SAFETY/unbounded/alpaca/b_notional_Reg_T_buying_power
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
(declare-fun mg0 () Bool)
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
 (let ((?x1209 (ite (< 1.0 lev0) 1.0 0.0)))
 (let ((?x728 (* ?x1209 ?x969)))
 (let ((?x336 (* (/ 3.0 10.0) lev0)))
 (let (($x1431 (< 0.0 0.0)))
 (let ((?x370 (ite $x1431 (ite (>= 0.0 ?x336) ?x336 0.0) ?x336)))
 (let ((?x921 (* ?x370 ?x969)))
 (let ((?x1287 (ite $x1431 lev0 1.0)))
 (let ((?x258 (* ?x1180 ?x1287)))
 (let ((?x427 (* 5.0 ?x258)))
 (let ((?x697 (* 1.0 lev0)))
 (let ((?x88 (ite $x1431 (ite (>= 0.0 ?x697) ?x697 0.0) ?x697)))
 (let ((?x384 (* ?x88 ?x969)))
 (let ((?x1161 (* (/ 5.0 2.0) ?x258)))
 (let (($x479 (> 5.0 p0)))
 (let ((?x369 (ite $x479 (ite (>= ?x1161 ?x384) ?x1161 ?x384) (ite (>= ?x427 ?x921) ?x427 ?x921))))
 (let ((?x211 (ite (>= ?x369 ?x728) ?x369 ?x728)))
 (let ((?x1126 (ite (>= ?x211 ?x1169) ?x211 ?x1169)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1060 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
 (let ((?x1309 (ite (>= 1.0 ?x1060) ?x1060 1.0)))
 (let ((?x454 (ite mg0 (ite (>= ?x1309 ?x1209) ?x1309 ?x1209) 1.0)))
 (let ((?x89 (ite (>= ?x454 x0) ?x454 x0)))
 (let ((?x131 (* ?x89 ?x401)))
 (<= (+ ?x131 ?x1126) maintenance)))))))))))))))))))))))))))))
(assert
 (let ((?x971 (- 0.0 q0)))
 (let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
 (let ((?x969 (* ?x1180 p0)))
 (let ((?x1169 (* x0 ?x969)))
 (let ((?x1209 (ite (< 1.0 lev0) 1.0 0.0)))
 (let ((?x728 (* ?x1209 ?x969)))
 (let ((?x336 (* (/ 3.0 10.0) lev0)))
 (let (($x1431 (< 0.0 0.0)))
 (let ((?x370 (ite $x1431 (ite (>= 0.0 ?x336) ?x336 0.0) ?x336)))
 (let ((?x921 (* ?x370 ?x969)))
 (let ((?x1287 (ite $x1431 lev0 1.0)))
 (let ((?x258 (* ?x1180 ?x1287)))
 (let ((?x427 (* 5.0 ?x258)))
 (let ((?x697 (* 1.0 lev0)))
 (let ((?x88 (ite $x1431 (ite (>= 0.0 ?x697) ?x697 0.0) ?x697)))
 (let ((?x384 (* ?x88 ?x969)))
 (let ((?x1161 (* (/ 5.0 2.0) ?x258)))
 (let (($x479 (> 5.0 p0)))
 (let ((?x369 (ite $x479 (ite (>= ?x1161 ?x384) ?x1161 ?x384) (ite (>= ?x427 ?x921) ?x427 ?x921))))
 (let ((?x211 (ite (>= ?x369 ?x728) ?x369 ?x728)))
 (let ((?x1126 (ite (>= ?x211 ?x1169) ?x211 ?x1169)))
 (let ((?x205 (* (/ 1.0 2.0) ?x969)))
 (let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1060 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
 (let ((?x1309 (ite (>= 1.0 ?x1060) ?x1060 1.0)))
 (let ((?x454 (ite mg0 (ite (>= ?x1309 ?x1209) ?x1309 ?x1209) 1.0)))
 (let ((?x89 (ite (>= ?x454 x0) ?x454 x0)))
 (let ((?x131 (* ?x89 ?x401)))
 (let ((?x171 (ite mg0 (/ 1.0 2.0) 1.0)))
 (let ((?x1054 (* ?x171 ?x401)))
 (let ((?x447 (+ (ite (>= ?x1054 ?x131) ?x1054 ?x131) (ite (>= ?x205 ?x1126) ?x205 ?x1126))))
 (<= ?x447 initial)))))))))))))))))))))))))))))))))
(assert
 (< 0.0 order_qty))
(assert
 mg0)
(assert
 (= 1.0 lev0))
(assert
 (>= (/ 1.0 2.0) x0))
(assert
 (<= (/ 5.0 2.0) p0))
(check-sat)

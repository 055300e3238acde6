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
 (let (($x794 (= 0.0 short_market_value)))
 (let (($x432 (and (and (and true (= 0.0 long_market_value)) $x794) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x432 (= 0.0 initial))))))
(assert
 (let (($x872 (not has_shorts)))
 (or $x872 has_positions)))
(assert
 (let (($x794 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x794)))
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
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x1163 (ite (< 1.0 lev0) 1.0 0.0)))
 (let ((?x1055 (* ?x1163 ?x52)))
 (let ((?x256 (* (/ 3.0 10.0) ?x52)))
 (let ((?x1053 (* 5.0 ?x587)))
 (let ((?x1394 (* 1.0 ?x52)))
 (let ((?x501 (* (/ 5.0 2.0) ?x587)))
 (let (($x1612 (> 5.0 p0)))
 (let ((?x1241 (ite $x1612 (ite (>= ?x501 ?x1394) ?x501 ?x1394) (ite (>= ?x1053 ?x256) ?x1053 ?x256))))
 (let ((?x1500 (* ?x1241 lev0)))
 (let ((?x544 (ite (>= ?x1500 ?x1055) ?x1500 ?x1055)))
 (let ((?x1620 (ite (>= ?x544 ?x637) ?x544 ?x637)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1269 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
 (let ((?x496 (ite (>= 1.0 ?x1269) ?x1269 1.0)))
 (let ((?x648 (ite mg0 (ite (>= ?x496 ?x1163) ?x496 ?x1163) 1.0)))
 (let ((?x1473 (ite (>= ?x648 x0) ?x648 x0)))
 (let ((?x272 (* ?x1473 ?x514)))
 (<= (+ ?x272 ?x1620) maintenance)))))))))))))))))))))))
(assert
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x1163 (ite (< 1.0 lev0) 1.0 0.0)))
 (let ((?x1055 (* ?x1163 ?x52)))
 (let ((?x256 (* (/ 3.0 10.0) ?x52)))
 (let ((?x1053 (* 5.0 ?x587)))
 (let ((?x1394 (* 1.0 ?x52)))
 (let ((?x501 (* (/ 5.0 2.0) ?x587)))
 (let (($x1612 (> 5.0 p0)))
 (let ((?x1241 (ite $x1612 (ite (>= ?x501 ?x1394) ?x501 ?x1394) (ite (>= ?x1053 ?x256) ?x1053 ?x256))))
 (let ((?x1500 (* ?x1241 lev0)))
 (let ((?x544 (ite (>= ?x1500 ?x1055) ?x1500 ?x1055)))
 (let ((?x1620 (ite (>= ?x544 ?x637) ?x544 ?x637)))
 (let ((?x1265 (* (/ 1.0 2.0) ?x52)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x1269 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
 (let ((?x496 (ite (>= 1.0 ?x1269) ?x1269 1.0)))
 (let ((?x648 (ite mg0 (ite (>= ?x496 ?x1163) ?x496 ?x1163) 1.0)))
 (let ((?x1473 (ite (>= ?x648 x0) ?x648 x0)))
 (let ((?x272 (* ?x1473 ?x514)))
 (let ((?x1044 (ite mg0 (/ 1.0 2.0) 1.0)))
 (let ((?x1281 (* ?x1044 ?x514)))
 (let ((?x894 (+ (ite (>= ?x1281 ?x272) ?x1281 ?x272) (ite (>= ?x1265 ?x1620) ?x1265 ?x1620))))
 (<= ?x894 initial)))))))))))))))))))))))))))
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

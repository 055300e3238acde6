; check: MARGIN_CALL_CURES/unbounded/finra/long_position_rest_of_the_account_free
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
 (let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x330 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
(let ((?x717 (+ ?x330 (+ rest_short_value (- 0.0 ?x52)))))
(let ((?x637 (* x0 ?x52)))
(let ((?x515 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x648 (* ?x515 ?x52)))
(let ((?x996 (* (/ 3.0 10.0) ?x52)))
(let ((?x998 (* 5.0 ?x587)))
(let ((?x428 (* 1.0 ?x52)))
(let ((?x1002 (* (/ 5.0 2.0) ?x587)))
(let (($x579 (> 5.0 p0)))
(let ((?x1419 (ite $x579 (ite (>= ?x1002 ?x428) ?x1002 ?x428) (ite (>= ?x998 ?x996) ?x998 ?x996))))
(let ((?x609 (* ?x1419 lev0)))
(let ((?x883 (ite (>= ?x609 ?x648) ?x609 ?x648)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x239 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x459 (ite (>= 1.0 ?x239) ?x239 1.0)))
(let ((?x1637 (ite mg0 (ite (>= ?x459 ?x515) ?x459 ?x515) 1.0)))
(let ((?x926 (ite (>= ?x1637 x0) ?x1637 x0)))
(let ((?x493 (+ (* ?x926 ?x514) (ite (>= ?x883 ?x637) ?x883 ?x637))))
(let ((?x665 (+ rest_maintenance ?x493)))
(let ((?x1214 (- ?x665 ?x717)))
(let ((?x308 (ite (<= 0.0 ?x1214) ?x1214 0.0)))
(< 0.0 ?x308)))))))))))))))))))))))))))
(check-sat)

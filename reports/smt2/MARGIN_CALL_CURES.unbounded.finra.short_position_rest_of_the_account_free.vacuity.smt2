; check: MARGIN_CALL_CURES/unbounded/finra/short_position_rest_of_the_account_free
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
 (> 0.0 q0))
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
 (<= sold (* q0 (- 0.0 1.0))))
(assert
 (let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x330 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
(let ((?x717 (+ ?x330 (+ rest_short_value (- 0.0 ?x52)))))
(let ((?x637 (* x0 ?x52)))
(let ((?x234 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x714 (* ?x234 ?x52)))
(let ((?x438 (* (/ 3.0 10.0) ?x52)))
(let ((?x1220 (* 5.0 ?x587)))
(let ((?x466 (* 1.0 ?x52)))
(let ((?x689 (* (/ 5.0 2.0) ?x587)))
(let (($x1625 (> 5.0 p0)))
(let ((?x756 (ite $x1625 (ite (>= ?x689 ?x466) ?x689 ?x466) (ite (>= ?x1220 ?x438) ?x1220 ?x438))))
(let ((?x1479 (* ?x756 lev0)))
(let ((?x550 (ite (>= ?x1479 ?x714) ?x1479 ?x714)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x1320 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x271 (ite (>= 1.0 ?x1320) ?x1320 1.0)))
(let ((?x1616 (ite mg0 (ite (>= ?x271 ?x234) ?x271 ?x234) 1.0)))
(let ((?x747 (ite (>= ?x1616 x0) ?x1616 x0)))
(let ((?x244 (+ (* ?x747 ?x514) (ite (>= ?x550 ?x637) ?x550 ?x637))))
(let ((?x1038 (+ rest_maintenance ?x244)))
(let ((?x1500 (- ?x1038 ?x717)))
(let ((?x518 (ite (<= 0.0 ?x1500) ?x1500 0.0)))
(< 0.0 ?x518)))))))))))))))))))))))))))
(check-sat)

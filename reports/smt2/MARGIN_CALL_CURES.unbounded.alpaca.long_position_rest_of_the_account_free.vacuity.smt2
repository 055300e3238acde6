; check: MARGIN_CALL_CURES/unbounded/alpaca/long_position_rest_of_the_account_free
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
 (let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x819 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
(let ((?x901 (+ ?x819 (+ rest_short_value (- 0.0 ?x969)))))
(let ((?x1169 (* x0 ?x969)))
(let ((?x709 (ite (< 1.0 lev0) 1.0 0.0)))
(let ((?x145 (* ?x709 ?x969)))
(let ((?x1051 (* (/ 3.0 10.0) lev0)))
(let (($x1104 (< 0.0 0.0)))
(let ((?x1098 (ite $x1104 (ite (>= 0.0 ?x1051) ?x1051 0.0) ?x1051)))
(let ((?x258 (* ?x1098 ?x969)))
(let ((?x584 (ite $x1104 lev0 1.0)))
(let ((?x515 (* ?x1180 ?x584)))
(let ((?x357 (* 5.0 ?x515)))
(let ((?x1184 (* 1.0 lev0)))
(let ((?x25 (ite $x1104 (ite (>= 0.0 ?x1184) ?x1184 0.0) ?x1184)))
(let ((?x581 (* ?x25 ?x969)))
(let ((?x191 (* (/ 5.0 2.0) ?x515)))
(let (($x47 (> 5.0 p0)))
(let ((?x903 (ite $x47 (ite (>= ?x191 ?x581) ?x191 ?x581) (ite (>= ?x357 ?x258) ?x357 ?x258))))
(let ((?x746 (ite (>= ?x903 ?x145) ?x903 ?x145)))
(let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x1439 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
(let ((?x769 (ite (>= 1.0 ?x1439) ?x1439 1.0)))
(let ((?x501 (ite mg0 (ite (>= ?x769 ?x709) ?x769 ?x709) 1.0)))
(let ((?x1262 (ite (>= ?x501 x0) ?x501 x0)))
(let ((?x743 (+ (* ?x1262 ?x401) (ite (>= ?x746 ?x1169) ?x746 ?x1169))))
(let ((?x643 (+ rest_maintenance ?x743)))
(let ((?x289 (- ?x643 ?x901)))
(let ((?x597 (ite (<= 0.0 ?x289) ?x289 0.0)))
(< 0.0 ?x597)))))))))))))))))))))))))))))))))
(check-sat)

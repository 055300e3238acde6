; check: SHORT_FLOORS/position/finra
; property: SHORT_FLOORS
; expected: unsat (the property holds)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun q0 () Real)
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
 (let ((?x722 (- 0.0 q0)))
(let ((?x903 (* ?x722 p0)))
(let ((?x348 (* (/ 3.0 10.0) ?x903)))
(let ((?x9 (* 5.0 ?x722)))
(let ((?x51 (* 1.0 ?x903)))
(let ((?x916 (* (/ 5.0 2.0) ?x722)))
(let (($x470 (> 5.0 p0)))
(let ((?x1165 (ite $x470 (ite (>= ?x916 ?x51) ?x916 ?x51) (ite (>= ?x9 ?x348) ?x9 ?x348))))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x524 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x593 (* ?x524 ?x52)))
(let ((?x162 (* (/ 3.0 10.0) ?x52)))
(let ((?x713 (* 5.0 ?x587)))
(let ((?x560 (* 1.0 ?x52)))
(let ((?x342 (* (/ 5.0 2.0) ?x587)))
(let ((?x853 (ite $x470 (ite (>= ?x342 ?x560) ?x342 ?x560) (ite (>= ?x713 ?x162) ?x713 ?x162))))
(let ((?x79 (* ?x853 lev0)))
(let ((?x198 (ite (>= ?x79 ?x593) ?x79 ?x593)))
(let ((?x648 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x508 (ite (>= 1.0 ?x648) ?x648 1.0)))
(let ((?x235 (ite mg0 (ite (>= ?x508 ?x524) ?x508 ?x524) 1.0)))
(let ((?x603 (* (ite (>= ?x235 x0) ?x235 x0) (* (ite (<= 0.0 q0) q0 0.0) p0))))
(let ((?x856 (+ ?x603 (ite (>= ?x198 ?x637) ?x198 ?x637))))
(let (($x283 (or (not (and (and true (= 1.0 lev0)) (= 0.0 x0))) (= ?x856 ?x1165))))
(let (($x288 (or (not (not $x470)) (and (and true (<= ?x9 ?x856)) (<= ?x348 ?x856)))))
(let (($x699 (and true (or (not $x470) (and (and true (<= ?x916 ?x856)) (<= ?x51 ?x856))))))
(let (($x108 (and (and $x699 $x288) $x283)))
(not $x108)))))))))))))))))))))))))))))))
(check-sat)

; check: SHORT_FLOORS/position/alpaca
; property: SHORT_FLOORS
; expected: sat (planted bug short_floor_sign_error)
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
(let ((?x161 (ite (< 1.0 lev0) 1.0 0.0)))
(let ((?x34 (* ?x161 ?x52)))
(let ((?x162 (* (/ 3.0 10.0) ?x52)))
(let ((?x713 (* 5.0 ?x587)))
(let ((?x892 (ite (>= ?x713 ?x162) ?x713 ?x162)))
(let ((?x560 (* 1.0 ?x52)))
(let ((?x1177 (- 0.0 (/ 5.0 2.0))))
(let ((?x1178 (* ?x1177 ?x587)))
(let ((?x617 (* (ite $x470 (ite (>= ?x1178 ?x560) ?x1178 ?x560) ?x892) lev0)))
(let ((?x659 (ite (>= ?x617 ?x34) ?x617 ?x34)))
(let ((?x1218 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
(let ((?x930 (ite (>= 1.0 ?x1218) ?x1218 1.0)))
(let ((?x88 (ite mg0 (ite (>= ?x930 ?x161) ?x930 ?x161) 1.0)))
(let ((?x925 (* (ite (>= ?x88 x0) ?x88 x0) (* (ite (<= 0.0 q0) q0 0.0) p0))))
(let ((?x150 (+ ?x925 (ite (>= ?x659 ?x637) ?x659 ?x637))))
(let (($x7 (not (and (and true (= 1.0 lev0)) (= 0.0 x0)))))
(let (($x776 (not $x470)))
(let (($x504 (not $x776)))
(let (($x599 (and true (or $x776 (and (and true (<= ?x916 ?x150)) (<= ?x51 ?x150))))))
(let (($x545 (and $x599 (or $x504 (and (and true (<= ?x9 ?x150)) (<= ?x348 ?x150))))))
(let (($x145 (and $x545 (or $x7 (= ?x150 ?x1165)))))
(not $x145))))))))))))))))))))))))))))))))))
(check-sat)

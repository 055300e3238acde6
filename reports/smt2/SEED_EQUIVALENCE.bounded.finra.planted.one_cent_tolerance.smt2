; check: SEED_EQUIVALENCE/bounded/finra
; property: SEED_EQUIVALENCE
; expected: sat (planted bug one_cent_tolerance)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun mg0 () Bool)
(declare-fun p1 () Real)
(declare-fun lev1 () Real)
(declare-fun x1 () Real)
(declare-fun mg1 () Bool)
(declare-fun p2 () Real)
(declare-fun lev2 () Real)
(declare-fun x2 () Real)
(declare-fun mg2 () Bool)
(declare-fun q1 () Real)
(declare-fun q2 () Real)
(declare-fun q0 () Real)
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
 mg0)
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
 mg1)
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
 mg2)
(assert
 (= 0.0 q1))
(assert
 (= 0.0 q2))
(assert
 (<= 0.0 q0))
(assert
 (= 1.0 lev0))
(assert
 (= 0.0 x0))
(assert
 (< 0.0 p0))
(assert
 (<= 0.0 p0))
(assert
 (<= 0.0 q1))
(assert
 (= 1.0 lev1))
(assert
 (= 0.0 x1))
(assert
 (< 0.0 p1))
(assert
 (<= 0.0 p1))
(assert
 (<= 0.0 q2))
(assert
 (= 1.0 lev2))
(assert
 (= 0.0 x2))
(assert
 (< 0.0 p2))
(assert
 (<= 0.0 p2))
(assert
 (let ((?x88 (* q2 p2)))
(let ((?x803 (+ (+ (+ 0.0 (* q0 p0)) (* q1 p1)) ?x88)))
(let ((?x1240 (- 0.0 q2)))
(let ((?x746 (ite (<= 0.0 ?x1240) ?x1240 0.0)))
(let ((?x525 (* ?x746 p2)))
(let ((?x460 (- 0.0 ?x525)))
(let ((?x1618 (- 0.0 q1)))
(let ((?x1255 (ite (<= 0.0 ?x1618) ?x1618 0.0)))
(let ((?x1331 (* ?x1255 p1)))
(let ((?x33 (- 0.0 ?x1331)))
(let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x1549 (- 0.0 ?x52)))
(let ((?x1399 (* (ite (<= 0.0 q2) q2 0.0) p2)))
(let ((?x920 (* (ite (<= 0.0 q1) q1 0.0) p1)))
(let ((?x165 (+ (+ (+ 0.0 (* (ite (<= 0.0 q0) q0 0.0) p0)) ?x920) ?x1399)))
(let ((?x1171 (+ (+ cash ?x165) (+ (+ (+ 0.0 ?x1549) ?x33) ?x460))))
(let ((?x82 (ite (< ?x1171 (* (/ 1.0 4.0) ?x803)) 2 (ite (< ?x1171 (* (/ 1.0 2.0) ?x803)) 1 0))))
(let ((?x1338 (ite (>= 0.0 ?x803) 0 ?x82)))
(let ((?x167 (* x2 ?x525)))
(let ((?x1241 (ite (< 1.0 lev2) 0.0 0.0)))
(let ((?x214 (* ?x1241 ?x525)))
(let ((?x279 (* (/ 3.0 10.0) ?x525)))
(let ((?x650 (* 5.0 ?x746)))
(let ((?x27 (* 1.0 ?x525)))
(let ((?x573 (* (/ 5.0 2.0) ?x746)))
(let ((?x432 (ite (> 5.0 p2) (ite (>= ?x573 ?x27) ?x573 ?x27) (ite (>= ?x650 ?x279) ?x650 ?x279))))
(let ((?x577 (* ?x432 lev2)))
(let ((?x1633 (ite (>= ?x577 ?x214) ?x577 ?x214)))
(let ((?x873 (ite (>= ?x1633 ?x167) ?x1633 ?x167)))
(let ((?x1623 (* (/ 1.0 2.0) ?x525)))
(let ((?x459 (* (ite (> 0.0 p2) 1.0 (/ 1.0 4.0)) lev2)))
(let ((?x690 (ite (>= 1.0 ?x459) ?x459 1.0)))
(let ((?x149 (ite mg2 (ite (>= ?x690 ?x1241) ?x690 ?x1241) 1.0)))
(let ((?x71 (* (ite (>= ?x149 x2) ?x149 x2) ?x1399)))
(let ((?x1362 (ite mg2 (/ 1.0 2.0) 1.0)))
(let ((?x496 (* ?x1362 ?x1399)))
(let ((?x638 (+ (ite (>= ?x496 ?x71) ?x496 ?x71) (ite (>= ?x1623 ?x873) ?x1623 ?x873))))
(let ((?x757 (* x1 ?x1331)))
(let ((?x1487 (ite (< 1.0 lev1) 0.0 0.0)))
(let ((?x312 (* ?x1487 ?x1331)))
(let ((?x74 (* (/ 3.0 10.0) ?x1331)))
(let ((?x1525 (* 5.0 ?x1255)))
(let ((?x1001 (* 1.0 ?x1331)))
(let ((?x1576 (* (/ 5.0 2.0) ?x1255)))
(let ((?x579 (ite (> 5.0 p1) (ite (>= ?x1576 ?x1001) ?x1576 ?x1001) (ite (>= ?x1525 ?x74) ?x1525 ?x74))))
(let ((?x1201 (* ?x579 lev1)))
(let ((?x887 (ite (>= ?x1201 ?x312) ?x1201 ?x312)))
(let ((?x1186 (ite (>= ?x887 ?x757) ?x887 ?x757)))
(let ((?x51 (* (/ 1.0 2.0) ?x1331)))
(let ((?x1465 (* (ite (> 0.0 p1) 1.0 (/ 1.0 4.0)) lev1)))
(let ((?x1568 (ite (>= 1.0 ?x1465) ?x1465 1.0)))
(let ((?x1622 (ite mg1 (ite (>= ?x1568 ?x1487) ?x1568 ?x1487) 1.0)))
(let ((?x1631 (* (ite (>= ?x1622 x1) ?x1622 x1) ?x920)))
(let ((?x389 (ite mg1 (/ 1.0 2.0) 1.0)))
(let ((?x404 (* ?x389 ?x920)))
(let ((?x872 (+ (ite (>= ?x404 ?x1631) ?x404 ?x1631) (ite (>= ?x51 ?x1186) ?x51 ?x1186))))
(let ((?x637 (* x0 ?x52)))
(let ((?x686 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x736 (* ?x686 ?x52)))
(let ((?x1253 (* (/ 3.0 10.0) ?x52)))
(let ((?x648 (* 5.0 ?x587)))
(let ((?x1620 (* 1.0 ?x52)))
(let ((?x732 (* (/ 5.0 2.0) ?x587)))
(let ((?x1055 (ite (> 5.0 p0) (ite (>= ?x732 ?x1620) ?x732 ?x1620) (ite (>= ?x648 ?x1253) ?x648 ?x1253))))
(let ((?x495 (* ?x1055 lev0)))
(let ((?x894 (ite (>= ?x495 ?x736) ?x495 ?x736)))
(let ((?x1310 (ite (>= ?x894 ?x637) ?x894 ?x637)))
(let ((?x1430 (* (/ 1.0 2.0) ?x52)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x612 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x192 (ite (>= 1.0 ?x612) ?x612 1.0)))
(let ((?x1272 (ite mg0 (ite (>= ?x192 ?x686) ?x192 ?x686) 1.0)))
(let ((?x185 (* (ite (>= ?x1272 x0) ?x1272 x0) ?x514)))
(let ((?x436 (ite mg0 (/ 1.0 2.0) 1.0)))
(let ((?x949 (* ?x436 ?x514)))
(let ((?x363 (+ (ite (>= ?x949 ?x185) ?x949 ?x185) (ite (>= ?x1430 ?x1310) ?x1430 ?x1310))))
(let ((?x1312 (+ (+ (+ 0.0 ?x363) ?x872) ?x638)))
(let ((?x1375 (+ ?x1171 (/ 1.0 100.0))))
(let ((?x282 (+ ?x71 ?x873)))
(let ((?x764 (+ (+ (+ 0.0 (+ ?x185 ?x1310)) (+ ?x1631 ?x1186)) ?x282)))
(let (($x1577 (or (or (or false (not (= 0.0 q0))) (not (= 0.0 q1))) (not (= 0.0 q2)))))
(let (($x321 (not $x1577)))
(let ((?x755 (ite $x321 0 (ite (< ?x1375 ?x764) 2 (ite (< ?x1375 ?x1312) 1 0)))))
(let (($x430 (= ?x755 ?x1338)))
(not $x430))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

; check: SEED_EQUIVALENCE/unbounded/finra
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
(declare-fun q0 () Real)
(declare-fun gross () Real)
(declare-fun has_positions () Bool)
(declare-fun equity () Real)
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
 (<= 0.0 q0))
(assert
 (= 1.0 lev0))
(assert
 (= 0.0 x0))
(assert
 (<= 0.0 p0))
(assert
 (<= 0.0 gross))
(assert
 (and (and true (or (not has_positions) (< 0.0 gross))) (or (not (< 0.0 gross)) has_positions)))
(assert
 (let ((?x1574 (ite (< equity (* (/ 1.0 4.0) gross)) 2 (ite (< equity (* (/ 1.0 2.0) gross)) 1 0))))
(let ((?x660 (ite (>= 0.0 gross) 0 ?x1574)))
(let ((?x384 (ite (< (+ equity (/ 1.0 100.0)) (* (/ 1.0 4.0) gross)) 2 (ite (< (+ equity (/ 1.0 100.0)) (* (/ 1.0 2.0) gross)) 1 0))))
(let (($x1438 (not has_positions)))
(let ((?x874 (ite $x1438 0 ?x384)))
(let ((?x504 (* q0 p0)))
(let ((?x1611 (* (/ 1.0 2.0) ?x504)))
(let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
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
(let (($x67 (= (+ (ite (>= ?x949 ?x185) ?x949 ?x185) (ite (>= ?x1430 ?x1310) ?x1430 ?x1310)) ?x1611)))
(let (($x252 (and true (and (and true (= (+ ?x185 ?x1310) (* (/ 1.0 4.0) ?x504))) $x67))))
(let (($x1338 (and $x252 (= ?x874 ?x660))))
(not $x1338))))))))))))))))))))))))))))))))))
(check-sat)

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
 (let ((?x971 (- 0.0 q0)))
(let ((?x589 (* ?x971 p0)))
(let ((?x1005 (* (/ 3.0 10.0) ?x589)))
(let ((?x1051 (* 5.0 ?x971)))
(let ((?x559 (* 1.0 ?x589)))
(let ((?x79 (* (/ 5.0 2.0) ?x971)))
(let (($x77 (> 5.0 p0)))
(let ((?x1131 (ite $x77 (ite (>= ?x79 ?x559) ?x79 ?x559) (ite (>= ?x1051 ?x1005) ?x1051 ?x1005))))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x342 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x1049 (* ?x342 ?x969)))
(let ((?x414 (* (/ 3.0 10.0) lev0)))
(let (($x410 (< 0.0 0.0)))
(let ((?x1012 (* (ite $x410 (ite (>= 0.0 ?x414) ?x414 0.0) ?x414) ?x969)))
(let ((?x391 (* ?x1180 (ite $x410 lev0 1.0))))
(let ((?x234 (* 5.0 ?x391)))
(let ((?x59 (* 1.0 lev0)))
(let ((?x338 (* (ite $x410 (ite (>= 0.0 ?x59) ?x59 0.0) ?x59) ?x969)))
(let ((?x438 (* (/ 5.0 2.0) ?x391)))
(let ((?x668 (ite $x77 (ite (>= ?x438 ?x338) ?x438 ?x338) (ite (>= ?x234 ?x1012) ?x234 ?x1012))))
(let ((?x388 (ite (>= ?x668 ?x1049) ?x668 ?x1049)))
(let ((?x568 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x1145 (ite (>= 1.0 ?x568) ?x568 1.0)))
(let ((?x305 (ite mg0 (ite (>= ?x1145 ?x342) ?x1145 ?x342) 1.0)))
(let ((?x1190 (* (ite (>= ?x305 x0) ?x305 x0) (* (ite (<= 0.0 q0) q0 0.0) p0))))
(let ((?x15 (+ ?x1190 (ite (>= ?x388 ?x1169) ?x388 ?x1169))))
(let (($x92 (or (not (and (and true (= 1.0 lev0)) (= 0.0 x0))) (= ?x15 ?x1131))))
(let (($x512 (or (not (not $x77)) (and (and true (<= ?x1051 ?x15)) (<= ?x1005 ?x15)))))
(let (($x563 (and true (or (not $x77) (and (and true (<= ?x79 ?x15)) (<= ?x559 ?x15))))))
(let (($x472 (and (and $x563 $x512) $x92)))
(not $x472))))))))))))))))))))))))))))))))))
(check-sat)

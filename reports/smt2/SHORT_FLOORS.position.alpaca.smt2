; check: SHORT_FLOORS/position/alpaca
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
(let ((?x594 (ite (< 1.0 lev0) 1.0 0.0)))
(let ((?x457 (* ?x594 ?x969)))
(let ((?x414 (* (/ 3.0 10.0) lev0)))
(let (($x410 (< 0.0 0.0)))
(let ((?x1012 (* (ite $x410 (ite (>= 0.0 ?x414) ?x414 0.0) ?x414) ?x969)))
(let ((?x391 (* ?x1180 (ite $x410 lev0 1.0))))
(let ((?x234 (* 5.0 ?x391)))
(let ((?x59 (* 1.0 lev0)))
(let ((?x338 (* (ite $x410 (ite (>= 0.0 ?x59) ?x59 0.0) ?x59) ?x969)))
(let ((?x720 (* (/ 5.0 2.0) ?x391)))
(let ((?x341 (ite $x77 (ite (>= ?x720 ?x338) ?x720 ?x338) (ite (>= ?x234 ?x1012) ?x234 ?x1012))))
(let ((?x384 (ite (>= ?x341 ?x457) ?x341 ?x457)))
(let ((?x674 (* (ite (> (/ 5.0 2.0) p0) 1.0 (/ 3.0 10.0)) lev0)))
(let ((?x244 (ite (>= 1.0 ?x674) ?x674 1.0)))
(let ((?x461 (ite mg0 (ite (>= ?x244 ?x594) ?x244 ?x594) 1.0)))
(let ((?x1129 (* (ite (>= ?x461 x0) ?x461 x0) (* (ite (<= 0.0 q0) q0 0.0) p0))))
(let ((?x1139 (+ ?x1129 (ite (>= ?x384 ?x1169) ?x384 ?x1169))))
(let (($x96 (or (not (and (and true (= 1.0 lev0)) (= 0.0 x0))) (= ?x1139 ?x1131))))
(let (($x1162 (or (not (not $x77)) (and (and true (<= ?x1051 ?x1139)) (<= ?x1005 ?x1139)))))
(let (($x216 (and true (or (not $x77) (and (and true (<= ?x79 ?x1139)) (<= ?x559 ?x1139))))))
(let (($x757 (and (and $x216 $x1162) $x96)))
(not $x757))))))))))))))))))))))))))))))))))
(check-sat)

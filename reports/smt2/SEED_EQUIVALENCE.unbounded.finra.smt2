; check: SEED_EQUIVALENCE/unbounded/finra
; property: SEED_EQUIVALENCE
; expected: unsat (the property holds)
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
 (let ((?x640 (ite (< equity (* (/ 1.0 4.0) gross)) 2 (ite (< equity (* (/ 1.0 2.0) gross)) 1 0))))
(let ((?x468 (ite (>= 0.0 gross) 0 ?x640)))
(let (($x651 (not has_positions)))
(let ((?x532 (ite $x651 0 ?x640)))
(let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x1169 (* x0 ?x969)))
(let ((?x569 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x1053 (* ?x569 ?x969)))
(let ((?x1184 (* (/ 3.0 10.0) lev0)))
(let (($x1123 (< 0.0 0.0)))
(let ((?x539 (* (ite $x1123 (ite (>= 0.0 ?x1184) ?x1184 0.0) ?x1184) ?x969)))
(let ((?x550 (* ?x1180 (ite $x1123 lev0 1.0))))
(let ((?x234 (* 5.0 ?x550)))
(let ((?x1098 (* 1.0 lev0)))
(let ((?x976 (* (ite $x1123 (ite (>= 0.0 ?x1098) ?x1098 0.0) ?x1098) ?x969)))
(let ((?x211 (* (/ 5.0 2.0) ?x550)))
(let ((?x746 (ite (> 5.0 p0) (ite (>= ?x211 ?x976) ?x211 ?x976) (ite (>= ?x234 ?x539) ?x234 ?x539))))
(let ((?x818 (ite (>= ?x746 ?x1053) ?x746 ?x1053)))
(let ((?x121 (ite (>= ?x818 ?x1169) ?x818 ?x1169)))
(let ((?x1054 (* (/ 1.0 2.0) ?x969)))
(let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x369 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x183 (ite (>= 1.0 ?x369) ?x369 1.0)))
(let ((?x33 (ite mg0 (ite (>= ?x183 ?x569) ?x183 ?x569) 1.0)))
(let ((?x120 (* (ite (>= ?x33 x0) ?x33 x0) ?x401)))
(let ((?x115 (ite mg0 (/ 1.0 2.0) 1.0)))
(let ((?x761 (* ?x115 ?x401)))
(let (($x1120 (= (+ (ite (>= ?x761 ?x120) ?x761 ?x120) (ite (>= ?x1054 ?x121) ?x1054 ?x121)) (* (/ 1.0 2.0) (* q0 p0)))))
(let (($x169 (and true (and (and true (= (+ ?x120 ?x121) (* (/ 1.0 4.0) (* q0 p0)))) $x1120))))
(let (($x1188 (and $x169 (= ?x532 ?x468))))
(not $x1188))))))))))))))))))))))))))))))))))
(check-sat)

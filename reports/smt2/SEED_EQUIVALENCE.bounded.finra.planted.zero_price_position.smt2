; check: SEED_EQUIVALENCE/bounded/finra
; property: SEED_EQUIVALENCE
; expected: sat (planted bug zero_price_position)
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
 (<= 0.0 p0))
(assert
 (<= 0.0 p0))
(assert
 (<= 0.0 q1))
(assert
 (= 1.0 lev1))
(assert
 (= 0.0 x1))
(assert
 (<= 0.0 p1))
(assert
 (<= 0.0 p1))
(assert
 (<= 0.0 q2))
(assert
 (= 1.0 lev2))
(assert
 (= 0.0 x2))
(assert
 (<= 0.0 p2))
(assert
 (<= 0.0 p2))
(assert
 (let ((?x265 (* q2 p2)))
(let ((?x1309 (+ (+ (+ 0.0 (* q0 p0)) (* q1 p1)) ?x265)))
(let ((?x676 (- 0.0 q2)))
(let ((?x1219 (ite (<= 0.0 ?x676) ?x676 0.0)))
(let ((?x143 (* ?x1219 p2)))
(let ((?x856 (- 0.0 ?x143)))
(let ((?x485 (- 0.0 q1)))
(let ((?x636 (ite (<= 0.0 ?x485) ?x485 0.0)))
(let ((?x411 (* ?x636 p1)))
(let ((?x94 (- 0.0 ?x411)))
(let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x303 (- 0.0 ?x969)))
(let ((?x1055 (* (ite (<= 0.0 q2) q2 0.0) p2)))
(let ((?x114 (* (ite (<= 0.0 q1) q1 0.0) p1)))
(let ((?x328 (+ (+ (+ 0.0 (* (ite (<= 0.0 q0) q0 0.0) p0)) ?x114) ?x1055)))
(let ((?x123 (+ (+ cash ?x328) (+ (+ (+ 0.0 ?x303) ?x94) ?x856))))
(let ((?x1024 (ite (< ?x123 (* (/ 1.0 4.0) ?x1309)) 2 (ite (< ?x123 (* (/ 1.0 2.0) ?x1309)) 1 0))))
(let ((?x544 (ite (>= 0.0 ?x1309) 0 ?x1024)))
(let ((?x248 (* x2 ?x143)))
(let ((?x617 (ite (< 1.0 lev2) 0.0 0.0)))
(let ((?x408 (* ?x617 ?x143)))
(let ((?x251 (* (/ 3.0 10.0) lev2)))
(let (($x1123 (< 0.0 0.0)))
(let ((?x1318 (* (ite $x1123 (ite (>= 0.0 ?x251) ?x251 0.0) ?x251) ?x143)))
(let ((?x502 (* ?x1219 (ite $x1123 lev2 1.0))))
(let ((?x587 (* 5.0 ?x502)))
(let ((?x302 (* 1.0 lev2)))
(let ((?x289 (* (ite $x1123 (ite (>= 0.0 ?x302) ?x302 0.0) ?x302) ?x143)))
(let ((?x1308 (* (/ 5.0 2.0) ?x502)))
(let ((?x339 (ite (> 5.0 p2) (ite (>= ?x1308 ?x289) ?x1308 ?x289) (ite (>= ?x587 ?x1318) ?x587 ?x1318))))
(let ((?x1143 (ite (>= ?x339 ?x408) ?x339 ?x408)))
(let ((?x232 (ite (>= ?x1143 ?x248) ?x1143 ?x248)))
(let ((?x166 (* (/ 1.0 2.0) ?x143)))
(let ((?x242 (* (ite (> 0.0 p2) 1.0 (/ 1.0 4.0)) lev2)))
(let ((?x945 (ite (>= 1.0 ?x242) ?x242 1.0)))
(let ((?x666 (ite mg2 (ite (>= ?x945 ?x617) ?x945 ?x617) 1.0)))
(let ((?x662 (* (ite (>= ?x666 x2) ?x666 x2) ?x1055)))
(let ((?x930 (ite mg2 (/ 1.0 2.0) 1.0)))
(let ((?x14 (* ?x930 ?x1055)))
(let ((?x44 (+ (ite (>= ?x14 ?x662) ?x14 ?x662) (ite (>= ?x166 ?x232) ?x166 ?x232))))
(let ((?x35 (* x1 ?x411)))
(let ((?x630 (ite (< 1.0 lev1) 0.0 0.0)))
(let ((?x674 (* ?x630 ?x411)))
(let ((?x1424 (* (/ 3.0 10.0) lev1)))
(let ((?x652 (* (ite $x1123 (ite (>= 0.0 ?x1424) ?x1424 0.0) ?x1424) ?x411)))
(let ((?x398 (* ?x636 (ite $x1123 lev1 1.0))))
(let ((?x1003 (* 5.0 ?x398)))
(let ((?x741 (* 1.0 lev1)))
(let ((?x646 (* (ite $x1123 (ite (>= 0.0 ?x741) ?x741 0.0) ?x741) ?x411)))
(let ((?x1091 (* (/ 5.0 2.0) ?x398)))
(let ((?x582 (ite (> 5.0 p1) (ite (>= ?x1091 ?x646) ?x1091 ?x646) (ite (>= ?x1003 ?x652) ?x1003 ?x652))))
(let ((?x1019 (ite (>= ?x582 ?x674) ?x582 ?x674)))
(let ((?x928 (ite (>= ?x1019 ?x35) ?x1019 ?x35)))
(let ((?x1040 (* (/ 1.0 2.0) ?x411)))
(let ((?x1183 (* (ite (> 0.0 p1) 1.0 (/ 1.0 4.0)) lev1)))
(let ((?x140 (ite (>= 1.0 ?x1183) ?x1183 1.0)))
(let ((?x312 (ite mg1 (ite (>= ?x140 ?x630) ?x140 ?x630) 1.0)))
(let ((?x445 (* (ite (>= ?x312 x1) ?x312 x1) ?x114)))
(let ((?x421 (ite mg1 (/ 1.0 2.0) 1.0)))
(let ((?x750 (* ?x421 ?x114)))
(let ((?x1216 (+ (ite (>= ?x750 ?x445) ?x750 ?x445) (ite (>= ?x1040 ?x928) ?x1040 ?x928))))
(let ((?x1169 (* x0 ?x969)))
(let ((?x569 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x1053 (* ?x569 ?x969)))
(let ((?x1184 (* (/ 3.0 10.0) lev0)))
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
(let ((?x998 (+ (ite (>= ?x761 ?x120) ?x761 ?x120) (ite (>= ?x1054 ?x121) ?x1054 ?x121))))
(let ((?x65 (+ (+ (+ 0.0 ?x998) ?x1216) ?x44)))
(let ((?x280 (+ ?x662 ?x232)))
(let ((?x41 (+ (+ (+ 0.0 (+ ?x120 ?x121)) (+ ?x445 ?x928)) ?x280)))
(let (($x690 (or (or (or false (not (= 0.0 q0))) (not (= 0.0 q1))) (not (= 0.0 q2)))))
(let (($x1209 (not $x690)))
(let ((?x384 (ite $x1209 0 (ite (< ?x123 ?x41) 2 (ite (< ?x123 ?x65) 1 0)))))
(let (($x131 (= ?x384 ?x544)))
(not $x131))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)

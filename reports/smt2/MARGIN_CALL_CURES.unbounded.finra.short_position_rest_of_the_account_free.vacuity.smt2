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
 (let ((?x971 (- 0.0 q0)))
(let ((?x1180 (ite (<= 0.0 ?x971) ?x971 0.0)))
(let ((?x969 (* ?x1180 p0)))
(let ((?x819 (+ cash (+ rest_long_value (* (ite (<= 0.0 q0) q0 0.0) p0)))))
(let ((?x901 (+ ?x819 (+ rest_short_value (- 0.0 ?x969)))))
(let ((?x1169 (* x0 ?x969)))
(let ((?x235 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x332 (* ?x235 ?x969)))
(let ((?x265 (* (/ 3.0 10.0) lev0)))
(let (($x303 (< 0.0 0.0)))
(let ((?x1430 (ite $x303 (ite (>= 0.0 ?x265) ?x265 0.0) ?x265)))
(let ((?x1424 (* ?x1430 ?x969)))
(let ((?x292 (ite $x303 lev0 1.0)))
(let ((?x976 (* ?x1180 ?x292)))
(let ((?x453 (* 5.0 ?x976)))
(let ((?x750 (* 1.0 lev0)))
(let ((?x413 (ite $x303 (ite (>= 0.0 ?x750) ?x750 0.0) ?x750)))
(let ((?x646 (* ?x413 ?x969)))
(let ((?x424 (* (/ 5.0 2.0) ?x976)))
(let (($x166 (> 5.0 p0)))
(let ((?x1259 (ite $x166 (ite (>= ?x424 ?x646) ?x424 ?x646) (ite (>= ?x453 ?x1424) ?x453 ?x1424))))
(let ((?x1158 (ite (>= ?x1259 ?x332) ?x1259 ?x332)))
(let ((?x401 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x357 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x657 (ite (>= 1.0 ?x357) ?x357 1.0)))
(let ((?x269 (ite mg0 (ite (>= ?x657 ?x235) ?x657 ?x235) 1.0)))
(let ((?x145 (ite (>= ?x269 x0) ?x269 x0)))
(let ((?x478 (+ (* ?x145 ?x401) (ite (>= ?x1158 ?x1169) ?x1158 ?x1169))))
(let ((?x722 (+ rest_maintenance ?x478)))
(let ((?x485 (- ?x722 ?x901)))
(let ((?x391 (ite (<= 0.0 ?x485) ?x485 0.0)))
(< 0.0 ?x391)))))))))))))))))))))))))))))))))
(check-sat)

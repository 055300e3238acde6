; check: BUYING_POWER_SAFETY/unbounded/finra/a_sell_short_charge_equity_-_initial
; property: BUYING_POWER_SAFETY
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun maintenance () Real)
(declare-fun initial () Real)
(declare-fun long_market_value () Real)
(declare-fun short_market_value () Real)
(declare-fun has_positions () Bool)
(declare-fun has_shorts () Bool)
(declare-fun p0 () Real)
(declare-fun lev0 () Real)
(declare-fun x0 () Real)
(declare-fun order_qty () Real)
(declare-fun q0 () Real)
(declare-fun mg0 () Bool)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x794 (= 0.0 short_market_value)))
 (let (($x432 (and (and (and true (= 0.0 long_market_value)) $x794) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x432 (= 0.0 initial))))))
(assert
 (let (($x872 (not has_shorts)))
 (or $x872 has_positions)))
(assert
 (let (($x794 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x794)))
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
 (> 0.0 order_qty))
(assert
 (< 0.0 p0))
(assert
 (or (or false (= 0.0 q0)) (< 0.0 (* q0 order_qty))))
(assert
 (let ((?x722 (- 0.0 q0)))
 (let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
 (let ((?x52 (* ?x587 p0)))
 (let ((?x637 (* x0 ?x52)))
 (let ((?x1172 (ite (< 1.0 lev0) 0.0 0.0)))
 (let ((?x607 (* ?x1172 ?x52)))
 (let ((?x1634 (* (/ 3.0 10.0) ?x52)))
 (let ((?x906 (* 5.0 ?x587)))
 (let ((?x1264 (* 1.0 ?x52)))
 (let ((?x505 (* (/ 5.0 2.0) ?x587)))
 (let (($x1257 (> 5.0 p0)))
 (let ((?x732 (ite $x1257 (ite (>= ?x505 ?x1264) ?x505 ?x1264) (ite (>= ?x906 ?x1634) ?x906 ?x1634))))
 (let ((?x331 (* ?x732 lev0)))
 (let ((?x705 (ite (>= ?x331 ?x607) ?x331 ?x607)))
 (let ((?x886 (ite (>= ?x705 ?x637) ?x705 ?x637)))
 (let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
 (let ((?x927 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
 (let ((?x791 (ite (>= 1.0 ?x927) ?x927 1.0)))
 (let ((?x1549 (ite mg0 (ite (>= ?x791 ?x1172) ?x791 ?x1172) 1.0)))
 (let ((?x858 (ite (>= ?x1549 x0) ?x1549 x0)))
 (let ((?x132 (* ?x858 ?x514)))
 (<= (+ ?x132 ?x886) maintenance)))))))))))))))))))))))
(assert
 (let ((?x722 (- 0.0 q0)))
(let ((?x587 (ite (<= 0.0 ?x722) ?x722 0.0)))
(let ((?x52 (* ?x587 p0)))
(let ((?x637 (* x0 ?x52)))
(let ((?x1172 (ite (< 1.0 lev0) 0.0 0.0)))
(let ((?x607 (* ?x1172 ?x52)))
(let ((?x1634 (* (/ 3.0 10.0) ?x52)))
(let ((?x906 (* 5.0 ?x587)))
(let ((?x1264 (* 1.0 ?x52)))
(let ((?x505 (* (/ 5.0 2.0) ?x587)))
(let (($x1257 (> 5.0 p0)))
(let ((?x732 (ite $x1257 (ite (>= ?x505 ?x1264) ?x505 ?x1264) (ite (>= ?x906 ?x1634) ?x906 ?x1634))))
(let ((?x331 (* ?x732 lev0)))
(let ((?x705 (ite (>= ?x331 ?x607) ?x331 ?x607)))
(let ((?x886 (ite (>= ?x705 ?x637) ?x705 ?x637)))
(let ((?x608 (* (/ 1.0 2.0) ?x52)))
(let ((?x514 (* (ite (<= 0.0 q0) q0 0.0) p0)))
(let ((?x927 (* (ite (> 0.0 p0) 1.0 (/ 1.0 4.0)) lev0)))
(let ((?x791 (ite (>= 1.0 ?x927) ?x927 1.0)))
(let ((?x1549 (ite mg0 (ite (>= ?x791 ?x1172) ?x791 ?x1172) 1.0)))
(let ((?x858 (ite (>= ?x1549 x0) ?x1549 x0)))
(let ((?x132 (* ?x858 ?x514)))
(let ((?x736 (ite mg0 (/ 1.0 2.0) 1.0)))
(let ((?x1259 (* ?x736 ?x514)))
(let ((?x689 (+ (ite (>= ?x1259 ?x132) ?x1259 ?x132) (ite (>= ?x608 ?x886) ?x608 ?x886))))
(<= ?x689 initial)))))))))))))))))))))))))))
(check-sat)

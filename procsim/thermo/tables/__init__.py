r"""Tabulated real-fluid properties evaluated in numba (built from CoolProp, cached on disk).

``Fluid("R245fa").table()`` returns a :class:`FluidTable`; its methods are vectorised and
validated (``ValueError`` naming the value and the table's range):

* (p, h) -> ``T_ph``, ``s_ph``, ``rho_ph``, ``x_ph``;  (p, s) -> ``h_ps``, ``T_ps``;
  (p, T) -> ``h_pT`` (single phase);
* saturation: ``T_sat(p)``, ``p_sat(T)``, ``h_l(p)``, ``h_v(p)``, ``s_l(p)``, ``s_v(p)``,
  ``rho_l(p)``, ``rho_v(p)``.

Inside your own numba kernels
-----------------------------
Pass ``table.data`` (a :class:`TableData` NamedTuple of float64 arrays and floats) into
your ``@njit`` function and call these module-level ``@njit(cache=True)`` scalar
functions; each returns NaN outside the table (or for NaN input)::

    tab_T_ph(data, p, h)   tab_s_ph(data, p, h)   tab_rho_ph(data, p, h)   tab_x_ph(data, p, h)
    tab_h_ps(data, p, s)   tab_T_ps(data, p, s)   tab_h_pT(data, p, T)
    tab_T_sat(data, p)     tab_p_sat(data, T)     tab_h_l(data, p)   tab_h_v(data, p)
    tab_s_l(data, p)       tab_s_v(data, p)       tab_rho_l(data, p) tab_rho_v(data, p)

Several look-ups at one pressure: ``c = tab_cell(data, p)`` locates the pressure cell
once; ``cell_T_ph(data, c, p, h)``, ``cell_s_ph``, ``cell_h_ps``, ``cell_h_pT`` and
``cell_saturation(data, c, p)`` (T_sat, h_l, h_v, s_l, s_v) then give the same numbers
as the ``tab_*`` functions without locating it again.

SI throughout: p [Pa abs], T [K], h [J/kg], s [J/(kg K)], rho [kg/m3]. ``tab_x_ph`` is the
equilibrium quality (h - h_l)/(h_v - h_l) (< 0 subcooled, > 1 superheated; NaN at
p >= p_c), as in :class:`procsim.thermo.fluids.FluidState`. Saturation functions are NaN
at p >= p_c. ``tab_h_pT`` at T = T_sat(p) returns the saturated liquid.

Scheme
------
* Two-phase states are never interpolated across the dome: below p_c the dome is
  located by the saturation curves h_l(p), h_v(p) (s_l, s_v for (p, s)); inside it
  T = T_sat(p) and h, s and 1/rho follow the lever rule.
* Single phase: two regions per table, the liquid between the T_min isotherm and the
  saturated liquid, the vapour between the saturated vapour and the T_max isotherm.
  Above p_c the T_c isotherm takes the place of the dome. In each region the
  second input is normalised, ``xi = (z - z_low(p)) / (z_high(p) - z_low(p))``, so no cell
  ever straddles the saturation line. Nodes in xi crowd towards the dome / T_c isotherm
  (``kernels.xi_to_eta``, 3 times denser there by default).
* Pressure nodes: uniform in ln p (spacing ``dlnp`` = 0.05), except in two blocks around
  p_c that use ln(p_c - p) (from 0.7 p_c) and ln(p - p_c) (to 2 p_c), which crowd nodes
  towards the critical point and resolve the pseudo-critical line; one linear cell
  spans p_c (1 +- 1e-4). Each block is its own spline, so the critical singularity does
  not leak into neighbouring cells. Where two blocks of different coordinates meet (0.7 p_c,
  2 p_c), each block's nodes run ``build.JOIN_OVERLAP`` steps past the join, so the cells
  used next to it are interior cells of both splines (a spline is least accurate in its
  end cells). IF97 tables also split blocks at the constant-
  pressure seams of IF97 (p_sat(623.15 K) and the region-3 subregion limits), where
  CoolProp's saturated h_v jumps by ~40 J/kg.
* Interpolation: bicubic Hermite patches whose node derivatives are those of the
  not-a-knot tensor-product cubic spline (i.e. the table *is* that C2 spline); boundary
  curves and T_sat(p) are cubic splines on the same pressure nodes; p_sat(T) is a cubic
  spline of ln p on uniform T nodes. ``h_pT`` takes a first estimate from a (p, T) table
  and refines it on T(p, h) (Newton with the patch's analytic dT/dh), so ``T_ph(p, h_pT(p, T)) == T`` to 1e-12. Node
  states are exact CoolProp states of the fluid's own backend (IF97 for water by
  default, HEOS otherwise); see :mod:`procsim.thermo.tables.build`.
* Pseudo-pure fluids (Air): T_sat and p_sat are bubble-point values; two-phase T runs
  linearly in quality from the bubble to the dew temperature.

Default grid (``build.default_grid``): T_min = the EOS lower limit raised to
min(T_c/2, 250 K) (water: 273.16 K), T_max = EOS upper limit capped at 1073.15 K,
p_min = max(p_triple, 1.5 p_sat(T_min)), p_max = min(3 p_c, EOS limit) (water: 100 MPa);
280-570 pressure nodes x 64 (IF97, Air: 80) nodes per single-phase region; 8-18 MB.

Accuracy, measured with ``python benchmarks/bench_properties.py --accuracy --all-fluids``
on 10,000 random states per fluid (single phase with |p - p_c| > 5 % p_c, plus 20 %
two-phase states) against CoolProp 8.0.0 called directly with the same backend
(HEOS: CoolProp's own (p, h) and (p, s) flashes). Relative error of T; of s against
max(|s|, R) and of h against max(|h|, R T_c), R the specific gas constant, so that
states next to the reference-state zero of h or s are not divided by ~0. Max / median:

=============  =================  =================  =================
fluid          T(p, h)            s(p, h)            h(p, s)
=============  =================  =================  =================
Water (IF97)   3.2e-06 / 2.8e-11  1.8e-06 / 2.4e-11  1.3e-06 / 1.3e-10
R245fa         6.4e-07 / 4.8e-11  3.4e-07 / 4.4e-11  2.1e-07 / 7.0e-11
Isopentane     6.0e-07 / 8.5e-11  1.3e-06 / 1.8e-10  4.3e-07 / 2.2e-10
=============  =================  =================  =================

and max <= 4e-6 for Water (HEOS), Air, R1233zd(E), n-Pentane, Cyclopentane, Toluene,
n-Butane, IsoButane and R134a. The largest errors sit where the grid is coarsest
relative to curvature: compressed cold liquid, block joins at 0.7 p_c and 2 p_c, the
pseudo-critical line, IF97's region seams. Within 5 % of p_c the error is larger and
not stated. IF97: the reference is the forward IF97 equations. CoolProp's IF97 (p, h)
and (p, s) inputs use the IAPWS backward equations, which differ from the forward
equations by up to 8e-5 in T on the same sample (IAPWS R7-97(2012) sec. 5.2.1, Table 7
and sec. 6.2.1, Table 19 allow up to 25 mK); the tables follow the forward equations, so
against ``PropsSI("T", "P", p, "H", h, "IF97::Water")`` they differ by that much.

Caching: see :mod:`procsim.thermo.tables.cache` (``~/.cache/procsim/tables``, one file
per fluid / backend / CoolProp version / grid / format version, atomic writes).
``fluid.table()`` goes through :func:`shared_cache`, the process-wide memoised cache of
that directory: the first call of a process loads the file (milliseconds) or builds it,
later calls return the same table from memory (tens of microseconds). Pass
``cache=TableCache(...)`` for another directory or an unshared store. Build 1.6-3.7 s per
HEOS fluid, 2.6 s for water (IF97), 10-14 s for water (HEOS, whose (p, T) update alone
costs 15 us) on a 2-core machine; load 3-4 ms.

Speed
-----
The array loops (what ``FluidTable`` methods call) take the table's arrays unpacked and
release the GIL. (p, h) and (p, s) look-ups run in groups of 256 points: located first,
then evaluated phase by phase, so a random mix of liquid, vapour and two-phase states
costs no mispredicted branch per point. From 20,000 points on (``PARALLEL_MIN_POINTS``)
they run on numba's threads (``threads=`` on every method: ``1`` serial, ``None`` all,
``k`` that many); the numbers do not depend on it. Ratios against CoolProp:
``python benchmarks/bench_properties.py``.

References
----------
* I. H. Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498-2508, doi:10.1021/ie4033999
  (CoolProp; its BICUBIC backend tabulates in (p, h) with bicubic Hermite patches).
* C. de Boor, *A Practical Guide to Splines*, rev. ed., Springer, 2001, ch. XVII.
* M. Kunick et al., "Fast calculation of thermophysical properties in extensive process
  simulations with the Spline-Based Table Look-up Method (SBTL)", IAPWS G13-15 (2015):
  the idea of transformed coordinates that keep cells off the saturation line.
"""
from procsim.thermo.tables.build import GridSpec, TableData, default_grid
from procsim.thermo.tables.cache import TableCache, default_cache_dir, shared_cache
from procsim.thermo.tables.kernels import (
    cell_h_ps, cell_h_pT, cell_s_ph, cell_saturation, cell_T_ph, tab_cell, tab_h_l, tab_h_ps, tab_h_pT, tab_h_v, tab_p_sat, tab_rho_l, tab_rho_ph, tab_rho_v,
    tab_s_l, tab_s_ph, tab_s_v, tab_T_ph, tab_T_ps, tab_T_sat, tab_x_ph,
)
from procsim.thermo.tables.table import FluidTable

__all__ = [
    "FluidTable", "TableData", "GridSpec", "TableCache", "default_cache_dir", "default_grid",
    "shared_cache", "tab_cell", "cell_T_ph", "cell_s_ph", "cell_h_ps", "cell_h_pT", "cell_saturation",
    "tab_T_ph", "tab_s_ph", "tab_rho_ph", "tab_x_ph", "tab_h_ps", "tab_T_ps", "tab_h_pT",
    "tab_T_sat", "tab_p_sat", "tab_h_l", "tab_h_v", "tab_s_l", "tab_s_v", "tab_rho_l",
    "tab_rho_v",
]

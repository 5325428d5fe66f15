// The math module: values and errors as python3.11 gives them on the host
// (double precision, the same libm). The cases in test_values were generated
// with python3.11 from a table of (function, arguments).
#include "test_builtins_util.h"

#define MOD(m) ((up_obj_t)&up_module_##m)
#define ATTR(m, name) up_getattr(MOD(m), S(name))
#define MCALL(m, name, ...) up_call(ATTR(m, name), NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), UP_NULL)
#define MCALL0(m, name) up_call(ATTR(m, name), 0, NULL, UP_NULL)
#define BIG(digits) up_int_from_str(digits, strlen(digits), 10)

// class Half: __float__ -> 0.5
static up_obj_t half_float(size_t n, const up_obj_t *args, up_obj_t kw) {
    (void)n, (void)args, (void)kw;
    return F(0.5);
}
METHOD(b_half_float, half_float, 1, 1)
static const up_method_t half_entries[] = {
    {UP_Q(__float__), (up_obj_t)&b_half_float},
};
static const up_methods_t half_methods = {1, half_entries};
USER_CLASS(type_Half, "Half", &half_methods)

static void test_constants(void) {
    CHECK_REPR(ATTR(math, "pi"), "3.141592653589793");
    CHECK_REPR(ATTR(math, "e"), "2.718281828459045");
    CHECK_REPR(ATTR(math, "tau"), "6.283185307179586");
    CHECK_REPR(ATTR(math, "inf"), "inf");
    CHECK_REPR(ATTR(math, "nan"), "nan");
    CHECK(up_is_float(ATTR(math, "pi")));
}

static void test_values(void) {
    CHECK_REPR(MCALL(math, "sqrt", I(2)), "1.4142135623730951");
    CHECK_REPR(MCALL(math, "sqrt", F(0.0)), "0.0");
    CHECK_REPR(MCALL(math, "sqrt", F(-0.0)), "-0.0");
    CHECK_REPR(MCALL(math, "sqrt", F(INFINITY)), "inf");
    CHECK_REPR(MCALL(math, "sqrt", F(NAN)), "nan");
    CHECK_ERR(MCALL(math, "sqrt", I(-1)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "sqrt", UP_TRUE), "1.0");
    CHECK_ERR(MCALL(math, "sqrt", S("a")), up_type_TypeError, "must be real number, not str");
    CHECK_ERR(MCALL(math, "sqrt", BIG("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")), up_type_OverflowError, "int too large to convert to float");
    CHECK_REPR(MCALL(math, "sqrt", BIG("10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376")), "3.273390607896142e+150");
    CHECK_REPR(MCALL(math, "sin", I(1)), "0.8414709848078965");
    CHECK_ERR(MCALL(math, "sin", F(INFINITY)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "cos", F(0.5)), "0.8775825618903728");
    CHECK_REPR(MCALL(math, "tan", F(1.2)), "2.5721516221263188");
    CHECK_REPR(MCALL(math, "asin", F(0.5)), "0.5235987755982989");
    CHECK_ERR(MCALL(math, "asin", I(2)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "acos", I(-1)), "3.141592653589793");
    CHECK_ERR(MCALL(math, "acos", F(1.5)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "atan", F(INFINITY)), "1.5707963267948966");
    CHECK_REPR(MCALL(math, "atan", I(3)), "1.2490457723982544");
    CHECK_REPR(MCALL(math, "atan2", I(1), I(2)), "0.4636476090008061");
    CHECK_REPR(MCALL(math, "atan2", F(0.0), F(-0.0)), "3.141592653589793");
    CHECK_REPR(MCALL(math, "atan2", F(-0.0), I(-1)), "-3.141592653589793");
    CHECK_REPR(MCALL(math, "atan2", F(INFINITY), F(-INFINITY)), "2.356194490192345");
    CHECK_ERR(MCALL(math, "atan2", I(1)), up_type_TypeError, "atan2 expected 2 arguments, got 1");
    CHECK_REPR(MCALL(math, "exp", I(1)), "2.718281828459045");
    CHECK_ERR(MCALL(math, "exp", I(1000)), up_type_OverflowError, "math range error");
    CHECK_REPR(MCALL(math, "exp", I(-1000)), "0.0");
    CHECK_REPR(MCALL(math, "exp", F(INFINITY)), "inf");
    CHECK_REPR(MCALL(math, "exp", F(-INFINITY)), "0.0");
    CHECK_REPR(MCALL(math, "exp", F(NAN)), "nan");
    CHECK_REPR(MCALL(math, "log", I(10)), "2.302585092994046");
    CHECK_ERR(MCALL(math, "log", I(0)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "log", I(-1)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "log", F(0.0)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "log", F(INFINITY)), "inf");
    CHECK_ERR(MCALL(math, "log", F(-INFINITY)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "log", F(NAN)), "nan");
    CHECK_REPR(MCALL(math, "log", UP_TRUE), "0.0");
    CHECK_REPR(MCALL(math, "log", BIG("10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376")), "693.1471805599454");
    CHECK_REPR(MCALL(math, "log", BIG("19950631168807583848837421626835850838234968318861924548520089498529438830221946631919961684036194597899331129423209124271556491349413781117593785932096323957855730046793794526765246551266059895520550086918193311542508608460618104685509074866089624888090489894838009253941633257850621568309473902556912388065225096643874441046759871626985453222868538161694315775629640762836880760732228535091641476183956381458969463899410840960536267821064621427333394036525565649530603142680234969400335934316651459297773279665775606172582031407994198179607378245683762280037302885487251900834464581454650557929601414833921615734588139257095379769119277800826957735674444123062018757836325502728323789270710373802866393031428133241401624195671690574061419654342324638801248856147305207431992259611796250130992860241708340807605932320161268492288496255841312844061536738951487114256315111089745514203313820202931640957596464756010405845841566072044962867016515061920631004186422275908670900574606417856951911456055068251250406007519842261898059237118054444788072906395242548339221982707404473162376760846613033778706039803413197133493654622700563169937455508241780972810983291314403571877524768509857276937926433221599399876886660808368837838027643282775172273657572744784112294389733810861607423253291974813120197604178281965697475898164531258434135959862784130128185406283476649088690521047580882615823961985770122407044330583075869039319604603404973156583208672105913300903752823415539745394397715257455290510212310947321610753474825740775273986348298498340756937955646638621874569499279016572103701364433135817214311791398222983845847334440270964182851005072927748364550578634501100852987812389473928699540834346158807043959118985815145779177143619698728131459483783202081474982171858011389071228250905826817436220577475921417653715687725614904582904992461028630081535583308130101987675856234343538955409175623400844887526162643568648833519463720377293240094456246923254350400678027273837755376406726898636241037491410966718557050759098100246789880178271925953381282421954028302759408448955014676668389697996886241636313376393903373455801407636741877711055384225739499110186468219696581651485130494222369947714763069155468217682876200362777257723781365331611196811280792669481887201298643660768551639860534602297871557517947385246369446923087894265948217008051120322365496288169035739121368338393591756418733850510970271613915439590991598154654417336311656936031122249937969999226781732358023111862644575299135758175008199839236284615249881088960232244362173771618086357015468484058622329792853875623486556440536962622018963571028812361567512543338303270029097668650568557157505516727518899194129711337690149916181315171544007728650573189557450920330185304847113818315407324053319038462084036421763703911550639789000742853672196280903477974533320468368795868580237952218629120080742819551317948157624448298518461509704888027274721574688131594750409732115080498190455803416826949787141316063210686391511681774304792596709376")), "6931.471805599453");
    CHECK_ERR(MCALL(math, "log", BIG("-114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376")), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "log", I(8), I(2)), "3.0");
    CHECK_REPR(MCALL(math, "log", I(100), I(10)), "2.0");
    CHECK_REPR(MCALL(math, "log", BIG("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), I(10)), "399.99999999999994");
    CHECK_ERR(MCALL(math, "log", I(1), I(1)), up_type_ZeroDivisionError, "float division by zero");
    CHECK_ERR(MCALL(math, "log", I(2), I(0)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "log", I(2), F(1.0)), up_type_ZeroDivisionError, "float division by zero");
    CHECK_ERR(MCALL(math, "log", S("a")), up_type_TypeError, "must be real number, not str");
    CHECK_ERR(MCALL(math, "log", I(1), S("a")), up_type_TypeError, "must be real number, not str");
    CHECK_REPR(MCALL(math, "log2", I(8)), "3.0");
    CHECK_REPR(MCALL(math, "log2", BIG("114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376")), "2000.0");
    CHECK_REPR(MCALL(math, "log2", I(10)), "3.321928094887362");
    CHECK_ERR(MCALL(math, "log2", I(0)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "log10", I(1000)), "3.0");
    CHECK_REPR(MCALL(math, "log10", BIG("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")), "400.0");
    CHECK_REPR(MCALL(math, "log10", F(0.001)), "-3.0");
    CHECK_ERR(MCALL(math, "log10", I(-5)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "pow", I(2), F(0.5)), "1.4142135623730951");
    CHECK_REPR(MCALL(math, "pow", I(2), I(10)), "1024.0");
    CHECK_REPR(MCALL(math, "pow", F(NAN), I(0)), "1.0");
    CHECK_REPR(MCALL(math, "pow", I(1), F(NAN)), "1.0");
    CHECK_REPR(MCALL(math, "pow", F(-INFINITY), I(3)), "-inf");
    CHECK_REPR(MCALL(math, "pow", F(-INFINITY), I(-3)), "-0.0");
    CHECK_REPR(MCALL(math, "pow", F(-INFINITY), I(2)), "inf");
    CHECK_REPR(MCALL(math, "pow", F(INFINITY), I(-2)), "0.0");
    CHECK_REPR(MCALL(math, "pow", F(0.5), F(-INFINITY)), "inf");
    CHECK_REPR(MCALL(math, "pow", I(-2), F(INFINITY)), "inf");
    CHECK_REPR(MCALL(math, "pow", F(0.5), F(INFINITY)), "0.0");
    CHECK_REPR(MCALL(math, "pow", I(-1), F(INFINITY)), "1.0");
    CHECK_ERR(MCALL(math, "pow", I(0), I(-1)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "pow", I(-1), F(0.5)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "pow", I(10), I(400)), up_type_OverflowError, "math range error");
    CHECK_REPR(MCALL(math, "pow", I(-8), I(3)), "-512.0");
    CHECK_REPR(MCALL(math, "pow", F(0.0), I(0)), "1.0");
    CHECK_REPR(MCALL(math, "pow", F(NAN), F(NAN)), "nan");
    CHECK_REPR(MCALL(math, "pow", I(2), I(-1074)), "5e-324");
    CHECK_REPR(MCALL(math, "floor", F(-2.5)), "-3");
    CHECK_REPR(MCALL(math, "ceil", F(-2.5)), "-2");
    CHECK_REPR(MCALL(math, "trunc", F(-2.5)), "-2");
    CHECK_REPR(MCALL(math, "floor", F(1e+30)), "1000000000000000019884624838656");
    CHECK_REPR(MCALL(math, "floor", UP_TRUE), "1");
    CHECK_REPR(MCALL(math, "ceil", BIG("1267650600228229401496703205376")), "1267650600228229401496703205376");
    CHECK_ERR(MCALL(math, "floor", F(INFINITY)), up_type_OverflowError, "cannot convert float infinity to integer");
    CHECK_ERR(MCALL(math, "floor", F(NAN)), up_type_ValueError, "cannot convert float NaN to integer");
    CHECK_ERR(MCALL(math, "ceil", F(-INFINITY)), up_type_OverflowError, "cannot convert float infinity to integer");
    CHECK_ERR(MCALL(math, "trunc", F(INFINITY)), up_type_OverflowError, "cannot convert float infinity to integer");
    CHECK_ERR(MCALL(math, "trunc", S("a")), up_type_TypeError, "type str doesn't define __trunc__ method");
    CHECK_ERR(MCALL(math, "floor", S("a")), up_type_TypeError, "must be real number, not str");
    CHECK_REPR(MCALL(math, "ceil", I(7)), "7");
    CHECK_REPR(MCALL(math, "trunc", F(1e+19)), "10000000000000000000");
    CHECK_REPR(MCALL(math, "floor", F(-0.5)), "-1");
    CHECK_REPR(MCALL(math, "fabs", I(-3)), "3.0");
    CHECK_REPR(MCALL(math, "fabs", F(-0.0)), "0.0");
    CHECK_REPR(MCALL(math, "fabs", F(-INFINITY)), "inf");
    CHECK_REPR(MCALL(math, "fmod", I(-7), I(3)), "-1.0");
    CHECK_REPR(MCALL(math, "fmod", I(7), I(-3)), "1.0");
    CHECK_REPR(MCALL(math, "fmod", I(5), F(INFINITY)), "5.0");
    CHECK_REPR(MCALL(math, "fmod", F(NAN), I(0)), "nan");
    CHECK_ERR(MCALL(math, "fmod", I(1), I(0)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "fmod", F(INFINITY), I(1)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "fmod", F(5.5), I(2)), "1.5");
    CHECK_REPR(MCALL(math, "isnan", F(NAN)), "True");
    CHECK_REPR(MCALL(math, "isnan", I(1)), "False");
    CHECK_REPR(MCALL(math, "isinf", F(-INFINITY)), "True");
    CHECK_REPR(MCALL(math, "isinf", F(1e+308)), "False");
    CHECK_REPR(MCALL(math, "isfinite", F(1e+308)), "True");
    CHECK_REPR(MCALL(math, "isfinite", F(NAN)), "False");
    CHECK_ERR(MCALL(math, "isnan", BIG("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")), up_type_OverflowError, "int too large to convert to float");
    CHECK_ERR(MCALL(math, "isinf", S("a")), up_type_TypeError, "must be real number, not str");
    CHECK_REPR(MCALL(math, "copysign", I(3), F(-0.0)), "-3.0");
    CHECK_REPR(MCALL(math, "copysign", I(-2), I(1)), "2.0");
    CHECK_REPR(MCALL(math, "copysign", F(INFINITY), I(-1)), "-inf");
    CHECK_ERR(MCALL(math, "copysign", I(1)), up_type_TypeError, "copysign expected 2 arguments, got 1");
    CHECK_REPR(MCALL(math, "degrees", F(3.141592653589793)), "180.0");
    CHECK_REPR(MCALL(math, "degrees", I(1)), "57.29577951308232");
    CHECK_REPR(MCALL(math, "radians", I(180)), "3.141592653589793");
    CHECK_REPR(MCALL(math, "radians", F(1e+308)), "1.7453292519943295e+306");
    CHECK_REPR(MCALL(math, "degrees", F(1e+308)), "inf");
    CHECK_REPR(MCALL0(math, "hypot"), "0.0");
    CHECK_REPR(MCALL(math, "hypot", I(3), I(4)), "5.0");
    CHECK_REPR(MCALL(math, "hypot", I(1), I(2), I(3)), "3.7416573867739413");
    CHECK_REPR(MCALL(math, "hypot", F(INFINITY), F(NAN)), "inf");
    CHECK_REPR(MCALL(math, "hypot", F(NAN), I(1)), "nan");
    CHECK_REPR(MCALL(math, "hypot", I(-3)), "3.0");
    CHECK_REPR(MCALL(math, "hypot", F(1e+200), F(1e+200), F(1e+200)), "1.7320508075688773e+200");
    CHECK_REPR(MCALL(math, "hypot", F(3e-200), F(4e-200), F(1.2e-199)), "1.3e-199");
    CHECK_REPR(MCALL(math, "hypot", I(1), I(1), I(1), I(1)), "2.0");
    CHECK_REPR(MCALL(math, "hypot", I(0), I(0), I(0)), "0.0");
    CHECK_ERR(MCALL(math, "hypot", S("a")), up_type_TypeError, "must be real number, not str");
    CHECK_REPR(MCALL(math, "hypot", F(0.1), F(0.2), F(0.3), F(0.4)), "0.5477225575051661");
    CHECK_REPR(MCALL0(math, "gcd"), "0");
    CHECK_REPR(MCALL(math, "gcd", I(12)), "12");
    CHECK_REPR(MCALL(math, "gcd", I(-12), I(18)), "6");
    CHECK_REPR(MCALL(math, "gcd", I(0), I(-5)), "5");
    CHECK_REPR(MCALL(math, "gcd", BIG("1267650600228229401496703205376"), BIG("3626777458843887524118528")), "1208925819614629174706176");
    CHECK_REPR(MCALL(math, "gcd", I(12), I(18), I(8)), "2");
    CHECK_REPR(MCALL(math, "gcd", BIG("18446744073709551617"), I(3)), "1");
    CHECK_ERR(MCALL(math, "gcd", F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_REPR(MCALL(math, "gcd", UP_TRUE, I(4)), "1");
    CHECK_REPR(MCALL(math, "gcd", BIG("-4611686018427387904"), I(0)), "4611686018427387904");
    CHECK_REPR(MCALL(math, "factorial", I(0)), "1");
    CHECK_REPR(MCALL(math, "factorial", I(1)), "1");
    CHECK_REPR(MCALL(math, "factorial", I(20)), "2432902008176640000");
    CHECK_REPR(MCALL(math, "factorial", I(21)), "51090942171709440000");
    CHECK_REPR(MCALL(math, "factorial", I(25)), "15511210043330985984000000");
    CHECK_REPR(MCALL(math, "factorial", I(50)), "30414093201713378043612608166064768844377641568960512000000000000");
    CHECK_ERR(MCALL(math, "factorial", I(-1)), up_type_ValueError, "factorial() not defined for negative values");
    CHECK_ERR(MCALL(math, "factorial", F(1.5)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_ERR(MCALL(math, "factorial", F(5.0)), up_type_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_REPR(MCALL(math, "factorial", UP_TRUE), "1");
    CHECK_REPR(MCALL(math, "modf", F(-3.5)), "(-0.5, -3.0)");
    CHECK_REPR(MCALL(math, "modf", F(INFINITY)), "(0.0, inf)");
    CHECK_REPR(MCALL(math, "modf", F(-INFINITY)), "(-0.0, -inf)");
    CHECK_REPR(MCALL(math, "modf", I(2)), "(0.0, 2.0)");
    CHECK_REPR(MCALL(math, "modf", F(NAN)), "(nan, nan)");
    CHECK_REPR(MCALL(math, "frexp", F(0.0)), "(0.0, 0)");
    CHECK_REPR(MCALL(math, "frexp", F(INFINITY)), "(inf, 0)");
    CHECK_REPR(MCALL(math, "frexp", I(8)), "(0.5, 4)");
    CHECK_REPR(MCALL(math, "frexp", F(-0.1)), "(-0.8, -3)");
    CHECK_REPR(MCALL(math, "frexp", F(NAN)), "(nan, 0)");
    CHECK_REPR(MCALL(math, "frexp", F(5e-324)), "(0.5, -1073)");
    CHECK_REPR(MCALL(math, "ldexp", F(1.0), BIG("-100000000000000000000")), "0.0");
    CHECK_REPR(MCALL(math, "ldexp", F(0.0), BIG("100000000000000000000")), "0.0");
    CHECK_REPR(MCALL(math, "ldexp", F(-1.0), I(-2000)), "-0.0");
    CHECK_REPR(MCALL(math, "ldexp", I(1), UP_TRUE), "2.0");
    CHECK_ERR(MCALL(math, "ldexp", I(1), F(1.5)), up_type_TypeError, "Expected an int as second argument to ldexp.");
    CHECK_ERR(MCALL(math, "ldexp", F(1.0), I(10000)), up_type_OverflowError, "math range error");
    CHECK_REPR(MCALL(math, "ldexp", F(1.5), I(3)), "12.0");
    CHECK_REPR(MCALL(math, "ldexp", F(INFINITY), I(-5)), "inf");
    CHECK_ERR(MCALL(math, "ldexp", F(1.0), BIG("100000000000000000000")), up_type_OverflowError, "math range error");
    CHECK_ERR(MCALL(math, "ldexp", F(-1.0), I(1024)), up_type_OverflowError, "math range error");
    CHECK_REPR(MCALL(math, "ldexp", F(1.0), I(-1074)), "5e-324");
    CHECK_REPR(MCALL(math, "ldexp", F(1.0), I(-1075)), "0.0");
    CHECK_REPR(MCALL(math, "sinh", I(1)), "1.1752011936438014");
    CHECK_ERR(MCALL(math, "sinh", I(1000)), up_type_OverflowError, "math range error");
    CHECK_ERR(MCALL(math, "cosh", I(-1000)), up_type_OverflowError, "math range error");
    CHECK_REPR(MCALL(math, "cosh", I(1)), "1.5430806348152437");
    CHECK_REPR(MCALL(math, "tanh", F(0.5)), "0.46211715726000974");
    CHECK_REPR(MCALL(math, "tanh", F(INFINITY)), "1.0");
    CHECK_REPR(MCALL(math, "asinh", I(1)), "0.881373587019543");
    CHECK_REPR(MCALL(math, "acosh", I(2)), "1.3169578969248166");
    CHECK_ERR(MCALL(math, "acosh", F(0.5)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "atanh", F(0.5)), "0.5493061443340548");
    CHECK_ERR(MCALL(math, "atanh", I(1)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "atanh", I(-2)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "expm1", F(1e-10)), "1.00000000005e-10");
    CHECK_ERR(MCALL(math, "expm1", I(1000)), up_type_OverflowError, "math range error");
    CHECK_REPR(MCALL(math, "log1p", F(1e-10)), "9.999999999500001e-11");
    CHECK_ERR(MCALL(math, "log1p", I(-1)), up_type_ValueError, "math domain error");
    CHECK_ERR(MCALL(math, "log1p", I(-2)), up_type_ValueError, "math domain error");
    CHECK_REPR(MCALL(math, "erf", I(1)), "0.8427007929497149");
    CHECK_REPR(MCALL(math, "erfc", I(1)), "0.15729920705028513");
    CHECK_REPR(MCALL(math, "erf", F(INFINITY)), "1.0");
    CHECK_REPR(up_math_m_isclose(2, ARGS(F(1.0), F(1.0000000001)), UP_NULL), "True");
    CHECK_REPR(up_math_m_isclose(2, ARGS(F(INFINITY), F(INFINITY)), UP_NULL), "True");
    CHECK_REPR(up_math_m_isclose(3, ARGS(I(1), F(1.1), F(0.2)), KW(S("abs_tol"))), "True");
    CHECK_REPR(up_math_m_isclose(3, ARGS(I(1), F(1.1), F(0.05)), KW(S("rel_tol"))), "False");
    CHECK_REPR(up_math_m_isclose(3, ARGS(I(1), F(1.1), F(0.01)), KW(S("rel_tol"))), "False");
    CHECK_REPR(up_math_m_isclose(2, ARGS(F(-INFINITY), F(INFINITY)), UP_NULL), "False");
    CHECK_REPR(up_math_m_isclose(2, ARGS(F(NAN), F(NAN)), UP_NULL), "False");
    CHECK_REPR(up_math_m_isclose(2, ARGS(F(0.0), F(1e-10)), UP_NULL), "False");
    CHECK_REPR(up_math_m_isclose(3, ARGS(F(0.0), F(1e-10), F(1e-09)), KW(S("abs_tol"))), "True");
    CHECK_ERR(up_math_m_isclose(3, ARGS(I(1), I(2), I(-1)), KW(S("rel_tol"))), up_type_ValueError, "tolerances must be non-negative");
    CHECK_ERR(up_math_m_isclose(3, ARGS(I(1), I(2), I(-1)), KW(S("abs_tol"))), up_type_ValueError, "tolerances must be non-negative");
}

static void test_arguments(void) {
    up_obj_t half = up_call((up_obj_t)&type_Half, 0, NULL, UP_NULL);
    CHECK_REPR(MCALL(math, "sqrt", half), "0.7071067811865476");
    CHECK_REPR(MCALL(math, "floor", half), "0");
    CHECK_REPR(MCALL(math, "log", half, I(2)), "-1.0");
    CHECK_ERR(MCALL(math, "sqrt", UP_NONE), up_type_TypeError, "must be real number, not NoneType");
    CHECK_ERR(MCALL0(math, "sqrt"), up_type_TypeError, "math.sqrt() takes exactly one argument (0 given)");
    CHECK_ERR(MCALL(math, "cos", I(1), I(2)), up_type_TypeError, "math.cos() takes exactly one argument (2 given)");
    CHECK_ERR(up_math_m_floor(1, ARGS(I(1)), KW(S("x"))), up_type_TypeError, "math.floor() takes no keyword arguments");
    CHECK_ERR(MCALL0(math, "log"), up_type_TypeError, "math.log requires 1 to 2 arguments");
    CHECK_ERR(MCALL(math, "log", I(1), I(2), I(3)), up_type_TypeError, "math.log requires 1 to 2 arguments");
    CHECK_ERR(up_math_m_log(1, ARGS(I(1)), KW(S("x"))), up_type_TypeError, "log() takes no keyword arguments");
    CHECK_ERR(MCALL(math, "pow", I(1)), up_type_TypeError, "pow expected 2 arguments, got 1");
    CHECK_ERR(up_math_m_atan2(2, ARGS(I(1), I(1)), KW(S("x"))), up_type_TypeError,
              "math.atan2() takes no keyword arguments");
    CHECK_ERR(MCALL(math, "fmod", I(1), I(2), I(3)), up_type_TypeError, "fmod expected 2 arguments, got 3");
    CHECK_ERR(MCALL(math, "ldexp", I(1)), up_type_TypeError, "ldexp expected 2 arguments, got 1");
    CHECK_ERR(up_math_m_gcd(1, ARGS(I(1)), KW(S("x"))), up_type_TypeError, "math.gcd() takes no keyword arguments");
    CHECK_ERR(up_math_m_hypot(1, ARGS(I(1)), KW(S("x"))), up_type_TypeError, "math.hypot() takes no keyword arguments");
    CHECK_ERR(MCALL0(math, "factorial"), up_type_TypeError, "math.factorial() takes exactly one argument (0 given)");
    CHECK_ERR(MCALL(math, "factorial", BIG("100000000000000000000")), up_type_OverflowError,
              "factorial() argument should not exceed 9223372036854775807");
    CHECK_ERR(MCALL(math, "factorial", BIG("-100000000000000000000")), up_type_ValueError,
              "factorial() not defined for negative values");

    CHECK_ERR(up_math_m_isclose(3, ARGS(I(1), I(2), I(3)), UP_NULL), up_type_TypeError,
              "isclose() takes exactly 2 positional arguments (3 given)");
    CHECK_ERR(up_math_m_isclose(0, NULL, UP_NULL), up_type_TypeError, "isclose() missing required argument 'a' (pos 1)");
    CHECK_ERR(up_math_m_isclose(2, ARGS(I(1), I(1)), KW(S("zz"))), up_type_TypeError,
              "isclose() missing required argument 'b' (pos 2)");
    CHECK_ERR(up_math_m_isclose(3, ARGS(I(1), I(1), I(1)), KW(S("zz"))), up_type_TypeError,
              "'zz' is an invalid keyword argument for isclose()");
    CHECK_REPR(up_math_m_isclose(2, ARGS(I(1), I(1)), KW(S("a"), S("b"))), "True");
    CHECK_ERR(up_math_m_isclose(2, ARGS(S("x"), I(1)), UP_NULL), up_type_TypeError, "must be real number, not str");
}

static void test_hypot_many(void) {
    up_obj_t c[10];
    for (int i = 0; i < 10; i++) {
        c[i] = I(i + 1);
    }
    CHECK_REPR(up_math_m_hypot(10, c, UP_NULL), "19.621416870348583");
    c[7] = F(NAN);
    CHECK_REPR(up_math_m_hypot(10, c, UP_NULL), "nan");
    c[2] = F(-INFINITY);
    CHECK_REPR(up_math_m_hypot(10, c, UP_NULL), "inf");
    c[9] = S("x");
    CHECK_ERR(up_math_m_hypot(10, c, UP_NULL), up_type_TypeError, "must be real number, not str");
}

static void test_factorial_big(void) {
    // math.factorial(300), from python3.11
    CHECK_REPR(MCALL(math, "factorial", I(300)),
               "306057512216440636035370461297268629388588804173576999416776741259476533176716867465515291422477573349939147888701726368864263907759003154226842927906974559841225476930271954604008012215776252176854255965356903506788725264321896264299365204576448830388909753943489625436053225980776521270822437639449120128678675368305712293681943649956460498166450227716500185176546469340112226034729724066333258583506870150169794168850353752137554910289126407157154830282284937952636580145235233156936482233436799254594095276820608062232812387383880817049600000000000000000000000000000000000000000000000000000000000000000000000000");
    CHECK_REPR(MCALL(math, "gcd", MCALL(math, "factorial", I(60)), MCALL(math, "factorial", I(45)), BIG("7777777777777777777777777777")),
               "2233");
}

static void tests(void) {
    test_constants();
    test_values();
    test_arguments();
    test_hypot_many();
    test_factorial_big();
}

UP_TEST_MAIN(tests)

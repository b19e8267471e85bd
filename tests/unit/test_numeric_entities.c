/*
** test_numeric_entities.c: the MONEY, PERCENT, QUANTITY and DATE
** recognizers (ext/entities/numbers.c, dates.c) and the Korean number
** reader, on sentences written in the style of Korean news.
**
** Each case runs both recognizers over a text and compares a rendering of
** every entity found, in order, with the expected one:
**
**     LABEL[span] value unit          for numbers (=canonical when it
**                                     differs from the span)
**     DATE[span]=canonical            for dates
**
** so a case fails on a missing entity, an extra one, a wrong span, value,
** unit or canonical form.  Texts are copied into buffers of their exact
** size, so that AddressSanitizer catches a read past the end.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities/dates.h"
#include "entities/numbers.h"
#include "koai.h"
#include "unit.h"

static koai_entity_list ents;
static char zOut[8192];

/* Order entities by start, then end (the two recognizers append apart). */
static void sort_entities(void) {
  int i, j;
  for (i = 1; i < ents.n; i++) {
    koai_entity e = ents.a[i];
    for (j = i; j > 0 && (ents.a[j - 1].start > e.start ||
                          (ents.a[j - 1].start == e.start &&
                           ents.a[j - 1].end > e.end));
         j--) {
      ents.a[j] = ents.a[j - 1];
    }
    ents.a[j] = e;
  }
}

/*
** Run both recognizers over z[0..n) (an exact-size copy) with reference
** date zRef (NULL: none), check spans and sources, render the result.
*/
static const char *find_n(const char *z, size_t n, const char *zRef) {
  char *copy = malloc(n ? n : 1);
  koai_date ref;
  size_t len = 0;
  int i;
  if (copy == NULL) return "(oom)";
  memcpy(copy, z, n);
  if (zRef) koai_date_parse(zRef, &ref);
  koai_entity_list_clear(&ents);
  CHECK(koai_find_numbers(copy, n, &ents) == KOAI_OK, "numbers");
  CHECK(koai_find_dates(copy, n, zRef ? &ref : NULL, &ents) == KOAI_OK,
        "dates");
  sort_entities();
  zOut[0] = 0;
  for (i = 0; i < ents.n && len + 256 < sizeof(zOut); i++) {
    koai_entity *e = &ents.a[i];
    int span = (int)(e->end - e->start);
    CHECK(e->start < e->end && e->end <= n, "span %zu-%zu of %zu", e->start,
          e->end, n);
    if (!(e->start < e->end && e->end <= n)) break;
    CHECK(e->source != NULL &&
              strcmp(e->source, e->label == KOAI_LABEL_DATE ? "date"
                                                            : "number") == 0,
          "source %s", e->source ? e->source : "(null)");
    len += (size_t)snprintf(zOut + len, sizeof(zOut) - len, "%s%s[%.*s]",
                            i ? " | " : "", koai_label_name(e->label), span,
                            z + e->start);
    if (e->label == KOAI_LABEL_DATE) {
      len += (size_t)snprintf(zOut + len, sizeof(zOut) - len, "=%s",
                              e->canonical);
      continue;
    }
    if ((int)strlen(e->canonical) != span ||
        memcmp(e->canonical, z + e->start, (size_t)span) != 0) {
      len += (size_t)snprintf(zOut + len, sizeof(zOut) - len, "=%s",
                              e->canonical);
    }
    if (e->has_value) {
      len += (size_t)snprintf(zOut + len, sizeof(zOut) - len, " %.15g %s",
                              e->value, e->unit);
    } else {
      len += (size_t)snprintf(zOut + len, sizeof(zOut) - len, " NULL %s",
                              e->unit);
    }
  }
  free(copy);
  return zOut;
}

static const char *find(const char *z, const char *zRef) {
  return find_n(z, strlen(z), zRef);
}

#define EXPECT(z, zRef, want)                                            \
  do {                                                                   \
    const char *zGot_ = find((z), (zRef));                              \
    CHECK(strcmp(zGot_, (want)) == 0, "%s\n   got: %s\n  want: %s", (z), \
          zGot_, (want));                                                \
  } while (0)

/* ---- The number reader ---- */

static void read_case(const char *z, size_t wantLen, double wantValue,
                      int wantVague) {
  double v = -1;
  int vague = -1;
  size_t len = koai_read_korean_number(z, strlen(z), &v, &vague);
  CHECK(len == wantLen && v == wantValue && vague == wantVague,
        "read '%s': %zu bytes, %.17g, vague %d (want %zu, %.17g, %d)", z, len,
        v, vague, wantLen, wantValue, wantVague);
}

static void test_reader(void) {
  read_case("1,000", 5, 1000, 0);
  read_case("3.5", 3, 3.5, 0);
  read_case("1,234.5", 7, 1234.5, 0);
  read_case("1억5000만", strlen("1억5000만"), 150000000, 0);
  read_case("16조5000억", strlen("16조5000억"), 1.65e13, 0);
  read_case("16조 5,000억", strlen("16조 5,000억"), 1.65e13, 0);
  read_case("5천만", strlen("5천만"), 5e7, 0);
  read_case("3.5조", strlen("3.5조"), 3.5e12, 0);
  read_case("1.1억", strlen("1.1억"), 1.1e8, 0);
  read_case("120억", strlen("120억"), 1.2e10, 0);
  read_case("1,000억", strlen("1,000억"), 1e11, 0);
  read_case("2만3000", strlen("2만3000"), 23000, 0);
  read_case("3천500만", strlen("3천500만"), 35000000, 0);
  read_case("삼십오", strlen("삼십오"), 35, 0);
  read_case("이백", strlen("이백"), 200, 0);
  read_case("천오백", strlen("천오백"), 1500, 0);
  read_case("오만", strlen("오만"), 50000, 0);
  read_case("일곱", strlen("일곱"), 7, 0);
  read_case("스물다섯", strlen("스물다섯"), 25, 0);
  read_case("열두", strlen("열두"), 12, 0);
  read_case("스무 명", strlen("스무"), 20, 0);
  read_case("두 배", strlen("두"), 2, 0);
  read_case("수십억", strlen("수십억"), 0, 1);
  read_case("수백만", strlen("수백만"), 0, 1);
  read_case("십수억", strlen("십수억"), 0, 1);
  read_case("수십 억", strlen("수십 억"), 0, 1);
  /* the number stops where the grammar does */
  read_case("1억 이상", strlen("1억"), 1e8, 0);
  read_case("1억이상", strlen("1억"), 1e8, 0);
  read_case("1억 2000", strlen("1억"), 1e8, 0);
  read_case("1만2억", strlen("1만"), 1e4, 0);
  read_case("2025.3.14", strlen("2025.3"), 2025.3, 0);
  read_case("1,0000", 1, 1, 0);
  /* not numbers */
  read_case("", 0, 0, 0);
  read_case("삼성", 0, 0, 0);
  read_case("이", 0, 0, 0);
  read_case("한국", 0, 0, 0);
  read_case("세계", 0, 0, 0);
  read_case("억", 0, 0, 0);
  read_case("1234567890123456789", 0, 0, 0);      /* 19 digits */
  read_case("123456789012345678", 18, 123456789012345678.0, 0);
  {
    double v;
    int vague;
    CHECK(koai_read_korean_number(NULL, 0, &v, &vague) == 0, "NULL text");
  }
}

/* ---- MONEY ---- */

static void test_money(void) {
  EXPECT("삼성전자는 평택 공장에 500억 원을 더 투입한다.", NULL,
         "MONEY[500억 원] 50000000000 KRW");
  EXPECT("오픈AI는 데이터센터에 1,000억 달러를 쏟아붓기로 했다.", NULL,
         "MONEY[1,000억 달러] 100000000000 USD");
  EXPECT("이번 계약 규모는 120억달러(16조5000억원)에 이른다.", NULL,
         "MONEY[120억달러] 12000000000 USD | "
         "MONEY[16조5000억원] 16500000000000 KRW");
  EXPECT("누적 투자액은 16조 5,000억 원으로 집계됐다.", NULL,
         "MONEY[16조 5,000억 원] 16500000000000 KRW");
  EXPECT("현지 직원 월급은 3만 위안 수준이다.", NULL,
         "MONEY[3만 위안] 30000 CNY");
  EXPECT("인수가는 5천만 원, 잔금은 3.5조 원이다.", NULL,
         "MONEY[5천만 원] 50000000 KRW | MONEY[3.5조 원] 3500000000000 KRW");
  EXPECT("연구비 1.1억 원과 2만3000원짜리 이용권", NULL,
         "MONEY[1.1억 원] 110000000 KRW | MONEY[2만3000원] 23000 KRW");
  EXPECT("1억5000만원 규모의 펀드", NULL,
         "MONEY[1억5000만원] 150000000 KRW");
  EXPECT("엔화 환율은 100엔당 900원, 유로는 1,480유로였다", NULL,
         "MONEY[900원] 900 KRW | MONEY[1,480유로] 1480 EUR");
  EXPECT("영국 법인은 200만 파운드, 인도 법인은 50억 루피를 벌었다.", NULL,
         "MONEY[200만 파운드] 2000000 GBP | MONEY[50억 루피] 5000000000 INR");
  EXPECT("싱가포르 달러로 30만 싱가포르 달러, 홍콩에선 10만 홍콩달러", NULL,
         "MONEY[30만 싱가포르 달러] 300000 SGD | "
         "MONEY[10만 홍콩달러] 100000 HKD");
  EXPECT("매각 대금은 2억 미국 달러로 알려졌다.", NULL,
         "MONEY[2억 미국 달러] 200000000 USD");
  EXPECT("일본 자회사는 30억엔을 투자했다.", NULL,
         "MONEY[30억엔] 3000000000 JPY");
  /* exchange rates and share prices */
  EXPECT("원/달러 환율은 1달러당 1470원까지 올랐다.", NULL,
         "MONEY[1470원] 1470 KRW");
  EXPECT("삼성전자 주가는 7만2000원으로 마감했다.", NULL,
         "MONEY[7만2000원] 72000 KRW");
  EXPECT("환율이 1,400원선을 넘었다.", NULL, "MONEY[1,400원] 1400 KRW");
  /* qualifiers stay out */
  EXPECT("시장 규모는 40조원대로 커졌다.", NULL,
         "MONEY[40조원] 40000000000000 KRW");
  EXPECT("약 1조 원 가량이 풀린다.", NULL, "MONEY[1조 원] 1000000000000 KRW");
  EXPECT("총 300억원 규모, 최대 10억 달러 이상", NULL,
         "MONEY[300억원] 30000000000 KRW | MONEY[10억 달러] 1000000000 USD");
  EXPECT("100만원어치를 샀다", NULL, "MONEY[100만원] 1000000 KRW");
  /* vague amounts */
  EXPECT("수십 억 달러가 투입될 전망이다.", NULL, "MONEY[수십 억 달러] NULL USD");
  EXPECT("수천억원대 손실, 수조 원의 적자", NULL,
         "MONEY[수천억원] NULL KRW | MONEY[수조 원] NULL KRW");
  /* symbols */
  EXPECT("The deal is worth $100 million, or US$1.5 billion in total.", NULL,
         "MONEY[$100 million] 100000000 USD | "
         "MONEY[US$1.5 billion] 1500000000 USD");
  EXPECT("가격은 $499, €30, ₩1,000, £5bn", NULL,
         "MONEY[$499] 499 USD | MONEY[€30] 30 EUR | MONEY[₩1,000] 1000 KRW | "
         "MONEY[£5bn] 5000000000 GBP");
  /* ranges */
  EXPECT("연봉은 100만~200만 원 오를 것", NULL,
         "MONEY[100만~200만 원] NULL KRW");
  /* a bare magnitude word only with a space before its currency */
  EXPECT("만 원짜리 지폐와 만원 버스", NULL, "MONEY[만 원] 10000 KRW");
  /* not money */
  EXPECT("원칙을 세웠다. 3원칙과 10엔진", NULL, "");
  EXPECT("1인당 국민소득", NULL, "");
}

/* ---- PERCENT ---- */

static void test_percent(void) {
  EXPECT("영업이익률은 36.5%를 기록했다.", NULL, "PERCENT[36.5%] 36.5 %");
  EXPECT("점유율이 2% 늘고 20퍼센트를 넘었다.", NULL,
         "PERCENT[2%] 2 % | PERCENT[20퍼센트] 20 %");
  EXPECT("매출은 전년 대비 -3.2% 감소했다(+5%는 예상치).", NULL,
         "PERCENT[-3.2%] -3.2 % | PERCENT[+5%] 5 %");
  EXPECT("최대 5%, 50% 넘게", NULL, "PERCENT[5%] 5 % | PERCENT[50%] 50 %");
  EXPECT("기준금리를 0.25%포인트 내렸고 격차는 1.5%p로 줄었다.", NULL,
         "PERCENT[0.25%포인트] 0.25 % | PERCENT[1.5%p] 1.5 %");
  EXPECT("10~20% 오를 것", NULL, "PERCENT[10~20%] NULL %");
  EXPECT("3%대 성장, 연 3.5%", NULL, "PERCENT[3%] 3 % | PERCENT[3.5%] 3.5 %");
  /* full-width forms */
  EXPECT("지분 ３０％를 넘겼다", NULL, "PERCENT[３０％]=30% 30 %");
  /* a sign glued to a word is a hyphen */
  EXPECT("COVID-19% 2023-10%", NULL, "");
}

/* ---- QUANTITY ---- */

static void test_quantity(void) {
  EXPECT("1억5000만개의 칩을 생산했다.", NULL,
         "QUANTITY[1억5000만개] 150000000 개");
  EXPECT("배터리 40GWh 규모, 3나노 공정, 1만 개 부품", NULL,
         "QUANTITY[40GWh] 40 GWh | QUANTITY[3나노] 3 나노 | "
         "QUANTITY[1만 개] 10000 개");
  EXPECT("직원 300명과 협력사 20종", NULL,
         "QUANTITY[300명] 300 명 | QUANTITY[20종] 20 종");
  EXPECT("전국 네 곳에 센터를 열고 일곱 명을 뽑았다.", NULL,
         "QUANTITY[네 곳] 4 곳 | QUANTITY[일곱 명] 7 명");
  EXPECT("두 개 법인, 세 명의 임원, 스물다섯 곳", NULL,
         "QUANTITY[두 개] 2 개 | QUANTITY[세 명] 3 명 | "
         "QUANTITY[스물다섯 곳] 25 곳");
  EXPECT("180개 국가와 50개 이상의 도시", NULL,
         "QUANTITY[180개] 180 개 | QUANTITY[50개] 50 개");
  EXPECT("약 10개, 총 300명", NULL,
         "QUANTITY[10개] 10 개 | QUANTITY[300명] 300 명");
  EXPECT("300여 명이 모였고 1만여 개가 팔렸다", NULL,
         "QUANTITY[300여 명] 300 명 | QUANTITY[1만여 개] 10000 개");
  EXPECT("120개국 2,000개사", NULL,
         "QUANTITY[120개국] 120 개국 | QUANTITY[2,000개사] 2000 개사");
  EXPECT("차량 100만 대와 로봇 3대를 들여왔다", NULL,
         "QUANTITY[100만 대] 1000000 대 | QUANTITY[3대] 3 대");
  EXPECT("서버 500대 이상, 5대 이상", NULL,
         "QUANTITY[500대] 500 대 | QUANTITY[5대] 5 대");
  EXPECT("자사주 100만주와 500주를 샀다", NULL,
         "QUANTITY[100만주] 1000000 주 | QUANTITY[500주] 500 주");
  EXPECT("16Gb D램, 128GB 메모리, 2 GW 발전소, 10km", NULL,
         "QUANTITY[16Gb] 16 Gb | QUANTITY[128GB] 128 GB | "
         "QUANTITY[2 GW] 2 GW | QUANTITY[10km] 10 km");
  EXPECT("700억 파라미터 모델과 1750억 개 매개변수", NULL,
         "QUANTITY[700억 파라미터] 70000000000 파라미터 | "
         "QUANTITY[1750억 개] 175000000000 개");
  EXPECT("수천 명이 몰렸다", NULL, "QUANTITY[수천 명] NULL 명");
  EXPECT("삼십오 명, 이백 곳, 천 명", NULL,
         "QUANTITY[삼십오 명] 35 명 | QUANTITY[이백 곳] 200 곳 | "
         "QUANTITY[천 명] 1000 명");
  EXPECT("3~5개 업체", NULL, "QUANTITY[3~5개] NULL 개");
  EXPECT("１만 개", NULL, "QUANTITY[１만 개]=1만 개 10000 개");
  /* not quantities */
  EXPECT("두 배로 늘었고 두 번째 제품", NULL, "");
  EXPECT("제3자 제공, 세계 10위, TOP5 진입", NULL, "");
  EXPECT("2년간 30일 동안 5분기 연속 하루", NULL, "");
  EXPECT("2개 분기 연속 적자와 3개월 만의 반등", NULL, "");
  EXPECT("웹 3.0과 GPT-4, 갤럭시 S24, H100 칩", NULL, "");
  EXPECT("삼성전자(005930) 주가, 문의 02-1234-5678", NULL, "");
  EXPECT("오후 3시 30분, 3회 연속, 세 차례", NULL, "");
  EXPECT("20대 남성과 30대 여성", NULL, "");
  EXPECT("3대 은행과 5대 그룹, 100대 기업", NULL, "");
  EXPECT("52주 신고가, 2주 연속", NULL, "");
  EXPECT("두 자릿수 성장, 한국과 세계, 세종은 한 해", NULL, "");
  EXPECT("천장과 천명, 만원 버스, 백 대표", NULL, "");
  EXPECT("종류가 3종류, 3개발", NULL, "");
  EXPECT("1명당 5G 4K 3D", NULL, "");
}

/* ---- DATE ---- */

static void test_dates_absolute(void) {
  EXPECT("2024년에 출시됐다", NULL, "DATE[2024년]=2024");
  EXPECT("2024년 2분기 실적과 3분기 전망", NULL,
         "DATE[2024년 2분기]=2024-Q2 | DATE[3분기]=XXXX-Q3");
  EXPECT("11월 15일 발표, 2023년 11월 출범, 5일 공개", NULL,
         "DATE[11월 15일]=XXXX-11-15 | DATE[2023년 11월]=2023-11 | "
         "DATE[5일]=XXXX-XX-05");
  EXPECT("2024년 11월 5일(현지시간) 공개", NULL,
         "DATE[2024년 11월 5일]=2024-11-05");
  EXPECT("2025년 상반기 출시, 하반기 양산", NULL,
         "DATE[2025년 상반기]=2025-H1 | DATE[하반기]=XXXX-H2");
  EXPECT("1·4분기 실적", NULL, "DATE[1·4분기]=XXXX-Q1");
  EXPECT("2024년 말, 11월 초, 3분기 말, 2024년11월5일", NULL,
         "DATE[2024년 말]=2024 | DATE[11월 초]=XXXX-11 | "
         "DATE[3분기 말]=XXXX-Q3 | DATE[2024년11월5일]=2024-11-05");
  EXPECT("1990년대 후반 이후", NULL, "DATE[1990년대 후반]=199X");
  EXPECT("3일(화) 오전", NULL, "DATE[3일]=XXXX-XX-03");
  /* numeric dates */
  EXPECT("공시일 2025.3.14 기준", NULL, "DATE[2025.3.14]=2025-03-14");
  EXPECT("2025. 3. 14. 발행, 2024-11-05 갱신, 2024/01/02", NULL,
         "DATE[2025. 3. 14]=2025-03-14 | DATE[2024-11-05]=2024-11-05 | "
         "DATE[2024/01/02]=2024-01-02");
  EXPECT("[서울=코아이뉴스] 11.06 (김기자)", NULL, "DATE[11.06]=XXXX-11-06");
  EXPECT("발표(11.06)와 24.11.06", NULL,
         "DATE[11.06]=XXXX-11-06 | DATE[24.11.06]=2024-11-06");
  /* not dates */
  EXPECT("11.06% 상승, 11.06 달러, 지수 11.06포인트", NULL,
         "PERCENT[11.06%] 11.06 % | MONEY[11.06 달러] 11.06 USD");
  EXPECT("버전 1.2.3과 서버 192.168.0.1", NULL, "");
  EXPECT("2년간, 30일 동안, 5일째, 3분기 연속, 5일 만에, 5일 전, 30일간",
         NULL, "");
  EXPECT("5분기 연속, 13월, 32일, 2월 30일", NULL,
         "DATE[2월]=XXXX-02 | DATE[30일]=XXXX-XX-30");
  EXPECT("30세 나이, 주 5일 근무, 2024년형 모델, 1980년생", NULL, "");
  EXPECT("같은 날, 전년 대비, 당시, 이날, 전날", NULL, "");
}

static void test_dates_deictic(void) {
  const char *zRef = "2024-11-05";
  EXPECT("올해 초 지난해 말", NULL,
         "DATE[올해 초]=올해 초 | DATE[지난해 말]=지난해 말");
  EXPECT("올해 초 지난해 말", zRef, "DATE[올해 초]=2024 | DATE[지난해 말]=2023");
  EXPECT("올해 3분기와 지난해 8월", zRef,
         "DATE[올해 3분기]=2024-Q3 | DATE[지난해 8월]=2023-08");
  EXPECT("올해 3분기와 지난해 8월", NULL,
         "DATE[올해 3분기]=올해 3분기 | DATE[지난해 8월]=지난해 8월");
  EXPECT("오늘 어제 내일 그제 모레", zRef,
         "DATE[오늘]=2024-11-05 | DATE[어제]=2024-11-04 | "
         "DATE[내일]=2024-11-06 | DATE[그제]=2024-11-03 | "
         "DATE[모레]=2024-11-07");
  EXPECT("올해 지난해 작년 내년", zRef,
         "DATE[올해]=2024 | DATE[지난해]=2023 | DATE[작년]=2023 | "
         "DATE[내년]=2025");
  EXPECT("지난달, 이번 달, 다음 달, 이달 말, 지난달 15일", zRef,
         "DATE[지난달]=2024-10 | DATE[이번 달]=2024-11 | "
         "DATE[다음 달]=2024-12 | DATE[이달 말]=2024-11 | "
         "DATE[지난달 15일]=2024-10-15");
  EXPECT("지난주, 이번 주, 다음 주", zRef,
         "DATE[지난주]=2024-W44 | DATE[이번 주]=2024-W45 | "
         "DATE[다음 주]=2024-W46");
  EXPECT("올 상반기와 올초, 내년 하반기", zRef,
         "DATE[올 상반기]=2024-H1 | DATE[올초]=2024 | "
         "DATE[내년 하반기]=2025-H2");
  EXPECT("올해 11월 5일", zRef, "DATE[올해 11월 5일]=2024-11-05");
  /* 지난 and 오는 stay out of the span; a date written without its year
  ** keeps XXXX even with a reference date (only deictic words resolve) */
  EXPECT("지난 5일 발표했다", NULL, "DATE[5일]=XXXX-XX-05");
  EXPECT("지난 28일과 오는 3일, 그리고 20일", zRef,
         "DATE[28일]=XXXX-XX-28 | DATE[3일]=XXXX-XX-03 | "
         "DATE[20일]=XXXX-XX-20");
  EXPECT("오는 20일", zRef, "DATE[20일]=XXXX-XX-20");
  EXPECT("지난 3월, 오는 3월, 3월", zRef,
         "DATE[3월]=XXXX-03 | DATE[3월]=XXXX-03 | DATE[3월]=XXXX-03");
  EXPECT("3분기 실적, 지난 2021년", zRef,
         "DATE[3분기]=XXXX-Q3 | DATE[2021년]=2021");
  EXPECT("31일 마감", zRef, "DATE[31일]=XXXX-XX-31");
  /* ISO weeks across a year end; a day across a month end */
  EXPECT("지난주 어제", "2025-01-01",
         "DATE[지난주]=2024-W52 | DATE[어제]=2024-12-31");
  EXPECT("이번 주", "2024-12-30", "DATE[이번 주]=2025-W01");
  /* a reference with only a year resolves only years */
  {
    koai_date ref = {2024, 0, 0};
    const char *z = "올해 어제 지난달";
    koai_entity_list_clear(&ents);
    CHECK(koai_find_dates(z, strlen(z), &ref, &ents) == KOAI_OK, "dates");
    CHECK(ents.n == 3 && strcmp(ents.a[0].canonical, "2024") == 0 &&
              strcmp(ents.a[1].canonical, "어제") == 0 &&
              strcmp(ents.a[2].canonical, "지난달") == 0,
          "year-only reference: %d", ents.n);
  }
  /* not dates */
  EXPECT("오늘날, 어제오늘, 그제야, 올림픽, 내일배움카드", zRef, "");
}

/* Both recognizers together, on a paragraph. */
static void test_paragraph(void) {
  const char *z =
      "[서울=코아이뉴스] 반도체 업체 A사는 5일 올해 3분기 매출이 "
      "16조5000억원으로 지난해 같은 기간보다 12.5% 늘었다고 밝혔다. "
      "회사는 내년 상반기까지 1만 개 일자리를 만들고 120억달러를 "
      "투자한다.";
  EXPECT(z, "2024-11-05",
         "DATE[5일]=XXXX-XX-05 | DATE[올해 3분기]=2024-Q3 | "
         "MONEY[16조5000억원] 16500000000000 KRW | DATE[지난해]=2023 | "
         "PERCENT[12.5%] 12.5 % | DATE[내년 상반기]=2025-H1 | "
         "QUANTITY[1만 개] 10000 개 | MONEY[120억달러] 12000000000 USD");
}

/* Offsets are bytes of the input, qualifiers and particles outside. */
static void test_offsets(void) {
  const char *z = "약 10개를 샀다";
  koai_entity_list_clear(&ents);
  CHECK(koai_find_numbers(z, strlen(z), &ents) == KOAI_OK, "numbers");
  CHECK(ents.n == 1 && ents.a[0].start == 4 && ents.a[0].end == 9 &&
            ents.a[0].label == KOAI_LABEL_QUANTITY,
        "약 10개를: %d entities, %zu-%zu", ents.n,
        ents.n ? ents.a[0].start : 0, ents.n ? ents.a[0].end : 0);
}

/* Empty, truncated and pathological input. */
static void test_edges(void) {
  static const char *azText[] = {
      "매출은 16조 5,000억 원, 점유율 36.5%, 직원 1만 개, 2024년 11월 5일",
      "지난해 8월 120억달러(16조5000억원)와 스물다섯 곳, 오는 20일",
      "$1.5 billion, ３０％, 1·4분기, 2025. 3. 14, 수십 억 달러"};
  size_t i, k, big;
  char *z;
  EXPECT("", NULL, "");
  CHECK(koai_find_numbers(NULL, 0, &ents) == KOAI_OK, "NULL numbers");
  CHECK(koai_find_dates(NULL, 0, NULL, &ents) == KOAI_OK, "NULL dates");
  /* ends in the middle of a number, a unit or a date */
  EXPECT("매출은 1억5000", NULL, "");
  EXPECT("매출은 16조 5,000억", NULL, "");
  EXPECT("3.", NULL, "");
  EXPECT("1,0", NULL, "");
  EXPECT("20퍼센", NULL, "");
  EXPECT("2024년 11", NULL, "DATE[2024년]=2024");
  EXPECT("11.0", NULL, "");
  EXPECT("$", NULL, "");
  EXPECT("-", NULL, "");
  EXPECT("US$", NULL, "");
  EXPECT("수", NULL, "");
  EXPECT("지난", "2024-11-05", "");
  /* every prefix, cut even inside a character, stays inside the text */
  for (k = 0; k < sizeof(azText) / sizeof(azText[0]); k++) {
    size_t n = strlen(azText[k]);
    for (i = 0; i <= n; i++) find_n(azText[k], i, "2024-11-05");
  }
  /* a huge digit string is not a number; 18 digits still are */
  big = 100000;
  z = malloc(big + 8);
  CHECK(z != NULL, "malloc");
  if (z == NULL) return;
  memset(z, '9', big);
  memcpy(z + big, "원", 3);
  CHECK(strcmp(find_n(z, big + 3, NULL), "") == 0, "huge digits: %s", zOut);
  CHECK(strcmp(find_n(z + big - 18, 21, NULL),
               "MONEY[999999999999999999원] 1e+18 KRW") == 0,
        "18 digits: %s", zOut);
  CHECK(strcmp(find_n(z + big - 19, 22, NULL), "") == 0, "19 digits: %s",
        zOut);
  free(z);
  /* 10,000 times 억 after a number, and alone */
  big = 1 + 3 * 10000;
  z = malloc(big + 3);
  CHECK(z != NULL, "malloc");
  if (z == NULL) return;
  z[0] = '1';
  for (i = 0; i < 10000; i++) memcpy(z + 1 + 3 * i, "억", 3);
  memcpy(z + big, "원", 3);
  CHECK(strcmp(find_n(z, big + 3, NULL), "") == 0, "억 x 10000: %s", zOut);
  CHECK(strcmp(find_n(z + 1, big - 1, NULL), "") == 0, "억 alone: %s", zOut);
  free(z);
  /* many entities in a row: linear, all found */
  big = 10000;
  k = strlen("1억원 ");
  z = malloc(big * k);
  CHECK(z != NULL, "malloc");
  if (z == NULL) return;
  for (i = 0; i < big; i++) memcpy(z + k * i, "1억원 ", k);
  koai_entity_list_clear(&ents);
  CHECK(koai_find_numbers(z, big * k, &ents) == KOAI_OK, "numbers");
  CHECK(ents.n == (int)big && ents.a[ents.n - 1].start == k * (big - 1),
        "1억원 x %zu: %d", big, ents.n);
  free(z);
  /* invalid UTF-8 between numbers */
  EXPECT("\xff""10%\xc3""20%\x80""5개", NULL,
         "PERCENT[10%] 10 % | PERCENT[20%] 20 % | QUANTITY[5개] 5 개");
}

void test_numeric_entities(void) {
  test_reader();
  test_money();
  test_percent();
  test_quantity();
  test_dates_absolute();
  test_dates_deictic();
  test_paragraph();
  test_offsets();
  test_edges();
  koai_entity_list_free(&ents);
}

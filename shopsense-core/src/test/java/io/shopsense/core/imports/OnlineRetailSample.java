package io.shopsense.core.imports;

/** A hand-written Online Retail file with one row of every odd kind the real file has, and a few it might. */
final class OnlineRetailSample {
  private OnlineRetailSample() {}

  static final String CSV = """
      InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
      536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
      536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
      536365,POST,POSTAGE,2,2010-12-01 08:27:00,18,17850,United Kingdom
      536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom
      536366,22632,,3,2010-12-01 08:28:00,0,,United Kingdom
      C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527,United Kingdom
      C536379,22556,"PLASTERS IN TIN CIRCUS PARADE ",-12,2010-12-01 09:41:00,1.65,14527,United Kingdom
      536380,22961,damages,-20,2010-12-01 09:50:00,0,,United Kingdom
      A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,11062.06,,United Kingdom
      536381,M,Manual,1,2010-12-01 09:53:00,5.00,15311,United Kingdom
      536381,84029E,"RED WOOLLY HOTTIE, WHITE HEART",4,2010-12-01 09:52:00,3.75,15311,United Kingdom
      536382,22086,PAPER CHAIN KIT,6,2010-12-01 10:00:00,-2.55,13047,United Kingdom
      536382,22087,PAPER BUNTING,6,2010-12-01 10:00:00,2.95,13047,United Kingdom
      536383,22111,SCOTTIE DOG HOT WATER BOTTLE,3,2011-06-01 10:05:00,4.95,17850,France
      536365,22752,SET 7 BABUSHKA NESTING BOXES,2,2010-12-01 08:26:00,7.65,17850,United Kingdom
      536384,22112,CHOCOLATE HOT WATER BOTTLE,x,2010-12-01 10:10:00,4.95,17850,United Kingdom
      536384,22113,GREY HEART HOT WATER BOTTLE,3,01/12/2010 10:10,4.95,17850,United Kingdom
      536384,22114,"HOT WATER BOTTLE, RED",3,2010-12-01 10:10:00,abc,17850,United Kingdom
      536384,22115,HOT WATER BOTTLE,3,2010-12-01 10:10:00,3.95,17850
      536384,22116,HOT WATER BOTTLE BLUE,3,2010-12-01 10:10:00,3.95,17850,United Kingdom
      536384,22117,HOT WATER BOTTLE PINK,2,2010-12-01 10:10:00,3.95,12345,United Kingdom
      536384,22118,HOT WATER BOTTLE GREEN,0,2010-12-01 10:10:00,3.95,17850,United Kingdom
      C536385,22119,HOT WATER BOTTLE WHITE,5,2010-12-01 10:11:00,3.95,17850,United Kingdom
      ,22120,NO INVOICE,1,2010-12-01 10:12:00,1.00,17850,United Kingdom
      536386,,NO CODE,1,2010-12-01 10:12:00,1.00,17850,United Kingdom
      """;

  static final int ROWS = 25;
  static final String FILE = "online_retail.csv";
}
